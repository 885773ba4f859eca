package se.somg.portal.devdb;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro process serving the portal WAR as a member of a Hazelcast cluster on loopback (Payara's own
 * clustering: fixed TCP/IP members, since multicast does not cross loopback, and no host-aware partitioning, so
 * two members on one host back each other up). For the cluster command and the cluster tests; never deployed.
 */
public final class MicroNode implements AutoCloseable {

    private final String name;
    private final int httpPort;
    private final Path log;
    private final Process process;

    private MicroNode(String name, int httpPort, Path log, Process process) {
        this.name = name;
        this.httpPort = httpPort;
        this.log = log;
        this.process = process;
    }

    /**
     * @param members     every member's Hazelcast address, e.g. {@code 127.0.0.1:6910,127.0.0.1:6911}
     * @param javaOptions system properties and heap for this node (the portal's configuration)
     */
    public static MicroNode start(
            Path microJar,
            Path war,
            String clusterName,
            String name,
            int httpPort,
            int hazelcastPort,
            String members,
            List<String> javaOptions,
            Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of(
                "-jar",
                microJar.toAbsolutePath().toString(),
                "--deploy",
                war.toAbsolutePath().toString(),
                "--contextroot",
                "/",
                "--port",
                String.valueOf(httpPort),
                "--name",
                name,
                "--clustername",
                clusterName,
                "--clustermode",
                "tcpip:" + members,
                "--interfaces",
                "127.0.0.1",
                "--startport",
                String.valueOf(hazelcastPort),
                "--nohostaware"));
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new MicroNode(name, httpPort, log, builder.start());
    }

    /** Waits until {@code /health/ready} answers 200. */
    public MicroNode awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " ended while starting; see " + log);
            }
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(URI.create(url() + "/health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IOException(name + " was not ready within " + timeout + "; see " + log);
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the process at once, as a crash or a power cut would (SIGKILL): nothing is shut down cleanly. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the node cleanly; forcibly if it takes more than 30 seconds. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
