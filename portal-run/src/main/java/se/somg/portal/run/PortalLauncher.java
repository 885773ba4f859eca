package se.somg.portal.run;

import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import se.somg.portal.devdb.DevDatabase;
import se.somg.portal.devdb.DevMailServer;
import se.somg.portal.devdb.LoadBalancer;
import se.somg.portal.devdb.MicroNode;

/**
 * The newcomer's run command: a real PostgreSQL (the one in PORTAL_DB_URL, else an embedded one
 * whose data lives in the clone), then the portal WAR on Payara Micro at http://localhost:8080/,
 * until Ctrl-C. Development only: it loads the demo accounts and is never deployed.
 */
public final class PortalLauncher {

    private PortalLauncher() {}

    public static void main(String[] args) throws Exception {
        File war = new File(required("portal.war"));
        File microJar = new File(required("portal.microJar"));
        Path dataDir = Path.of(required("portal.dataDir"));
        String port = System.getenv().getOrDefault("PORTAL_HTTP_PORT", "8080");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dportal.demo-data=" + System.getenv().getOrDefault("PORTAL_DEMO_DATA", "true"));
        if (System.getenv("PORTAL_METRICS_TOKEN") == null) {
            // the demo's token for /metrics (README); a real installation sets its own
            command.add("-Dportal.metrics.token=demo-metrics-token");
        }

        DevDatabase database = null;
        if (System.getenv("PORTAL_DB_URL") == null) {
            System.out.println(
                    "[portal-run] PORTAL_DB_URL is not set: starting the embedded PostgreSQL, data in " + dataDir);
            database = DevDatabase.startEmbedded(dataDir.resolve("postgres"));
            command.add("-Dportal.db.url=" + database.ensureDatabase("portal"));
            command.add("-Dportal.db.user=" + database.user());
            command.add("-Dportal.db.password=" + database.password());
        } else {
            // Micro reads PORTAL_DB_URL, PORTAL_DB_USER and PORTAL_DB_PASSWORD from the inherited environment.
            System.out.println("[portal-run] using the PostgreSQL in PORTAL_DB_URL");
        }
        DevMailServer mail = null;
        if (System.getenv("PORTAL_SMTP_HOST") == null) {
            mail = DevMailServer.start(0);
            command.add("-Dportal.smtp.host=127.0.0.1");
            command.add("-Dportal.smtp.port=" + mail.port());
            command.add("-Dportal.base-url=http://localhost:" + port);
            System.out.println(
                    "[portal-run] PORTAL_SMTP_HOST is not set: mails go to a local SMTP server (GreenMail) on port "
                            + mail.port() + " and are printed here");
            printMails(mail);
        }
        if (Boolean.getBoolean("portal.cluster")) {
            runCluster(
                    war.toPath(),
                    microJar.toPath(),
                    dataDir,
                    Integer.parseInt(port),
                    command.subList(1, command.size()),
                    database,
                    mail);
            return;
        }
        command.addAll(List.of(
                "-jar",
                microJar.getAbsolutePath(),
                "--deploy",
                war.getAbsolutePath(),
                "--contextroot",
                "/",
                "--port",
                port,
                "--nocluster",
                "--prebootcommandfile",
                singleNodeSessions(dataDir).toString()));

        Process micro = new ProcessBuilder(command).inheritIO().start();
        DevDatabase startedDatabase = database;
        DevMailServer startedMail = mail;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stop(micro, startedDatabase);
                            if (startedMail != null) {
                                startedMail.close();
                            }
                        },
                        "portal-run-stop"));
        System.out.println("[portal-run] starting Payara Micro; the portal will answer at http://localhost:" + port
                + "/ (Ctrl-C stops it)");
        int exit = micro.waitFor();
        System.out.println("[portal-run] Payara Micro ended with exit code " + exit);
    }

    /**
     * One node has no one to hand a session to: keep sessions in memory. With {@code <distributable/>} Payara would
     * otherwise read every session from its replication store and write it back at every request, even with
     * {@code --nocluster} — half of a page view's processor time (measured with JFR: docs/scaling.md).
     */
    private static Path singleNodeSessions(Path dataDir) throws IOException {
        Path commands = dataDir.resolve("single-node-preboot.asadmin");
        Files.createDirectories(dataDir);
        Files.writeString(
                commands,
                "set configs.config.server-config.availability-service.web-container-availability"
                        + ".availability-enabled=false\n");
        return commands;
    }

    /**
     * Two Payara Micro nodes (ports 8081 and 8082) in one Hazelcast cluster, and HAProxy in front on the run
     * command's port, round robin and not sticky; same database and mail as the single-node run.
     */
    private static void runCluster(
            Path war,
            Path microJar,
            Path dataDir,
            int port,
            List<String> portalOptions,
            DevDatabase database,
            DevMailServer mail)
            throws Exception {
        List<Integer> httpPorts = List.of(8081, 8082);
        List<Integer> hazelcastPorts = List.of(6910, 6911);
        String members = "127.0.0.1:" + hazelcastPorts.get(0) + ",127.0.0.1:" + hazelcastPorts.get(1);
        Path logs = dataDir.resolve("cluster");
        List<String> options = new ArrayList<>(portalOptions);
        options.add("-Xmx1g");
        List<MicroNode> nodes = new ArrayList<>();
        List<LoadBalancer> balancer = new ArrayList<>();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            balancer.forEach(lb -> quietly(lb::close));
                            nodes.forEach(node -> quietly(node::close));
                            quietly(() -> {
                                if (database != null) {
                                    database.close();
                                }
                            });
                            if (mail != null) {
                                mail.close();
                            }
                        },
                        "portal-cluster-stop"));
        for (int i = 0; i < httpPorts.size(); i++) {
            String name = "node" + (i + 1);
            Path log = logs.resolve(name + ".log");
            System.out.println("[portal-run] starting " + name + " at http://127.0.0.1:" + httpPorts.get(i) + "/ (log: "
                    + log + ")");
            nodes.add(MicroNode.start(
                    microJar,
                    war,
                    "somg-portal",
                    name,
                    httpPorts.get(i),
                    hazelcastPorts.get(i),
                    members,
                    options,
                    log));
        }
        for (MicroNode node : nodes) {
            node.awaitReady(Duration.ofMinutes(5));
            System.out.println("[portal-run] " + node.name() + " is ready");
        }
        balancer.add(LoadBalancer.start(
                port, httpPorts.stream().map(p -> "127.0.0.1:" + p).toList(), logs));
        System.out.println("[portal-run] the cluster answers at http://localhost:" + port
                + "/ through HAProxy (Ctrl-C stops it all)");
        while (nodes.stream().anyMatch(MicroNode::isAlive) && balancer.get(0).isAlive()) {
            Thread.sleep(1000);
        }
        System.out.println("[portal-run] the cluster has stopped");
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            System.err.println("[portal-run] stopping: " + e);
        }
    }

    /** Prints each mail's recipient, subject and links, so a newcomer can finish a registration. */
    private static void printMails(DevMailServer mail) {
        Thread printer = new Thread(
                () -> {
                    int seen = 0;
                    while (!Thread.currentThread().isInterrupted()) {
                        List<MimeMessage> received = mail.received();
                        for (MimeMessage message : received.subList(seen, received.size())) {
                            try {
                                System.out.println("[portal-run] mail to "
                                        + String.join(
                                                ", ",
                                                java.util.Arrays.stream(message.getAllRecipients())
                                                        .map(Object::toString)
                                                        .toList())
                                        + ": " + message.getSubject());
                                DevMailServer.links(DevMailServer.text(message))
                                        .forEach(link -> System.out.println("[portal-run]   " + link));
                            } catch (Exception e) {
                                System.out.println("[portal-run] mail: " + e);
                            }
                        }
                        seen = received.size();
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "portal-run-mail");
        printer.setDaemon(true);
        printer.start();
    }

    private static void stop(Process micro, DevDatabase database) {
        micro.destroy();
        try {
            if (!micro.waitFor(30, TimeUnit.SECONDS)) {
                micro.destroyForcibly();
            }
            if (database != null) {
                database.close();
            }
        } catch (Exception e) {
            System.err.println("[portal-run] stopping: " + e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(
                    "system property " + property + " is not set; start with ./mvnw -Prun package");
        }
        return value;
    }
}
