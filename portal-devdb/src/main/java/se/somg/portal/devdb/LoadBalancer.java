package se.somg.portal.devdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy in front of the cluster's nodes: round robin, not sticky (any node serves any request of a session),
 * a node taken out when {@code /health/ready} fails and back when it answers again, and a request whose node
 * cannot be reached sent to another. For the cluster command and the cluster tests; never deployed.
 */
public final class LoadBalancer implements AutoCloseable {

    private final int port;
    private final Process process;

    private LoadBalancer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    public static LoadBalancer start(int port, List<String> nodeAddresses, Path workDirectory) throws IOException {
        Files.createDirectories(workDirectory);
        Path config = workDirectory.resolve("haproxy.cfg");
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < nodeAddresses.size(); i++) {
            servers.append("    server node")
                    .append(i + 1)
                    .append(' ')
                    .append(nodeAddresses.get(i))
                    .append(" check\n");
        }
        Files.writeString(config, """
                global
                    maxconn 4096
                defaults
                    mode http
                    option redispatch
                    retries 2
                    timeout connect 2s
                    timeout client 120s
                    timeout server 120s
                frontend portal
                    bind 127.0.0.1:%d
                    # Payara answers "Upgrade: h2c" with 101, and HAProxy would then tunnel the whole connection to
                    # one node: no more round robin, and the connection dies with that node. Browsers never ask for
                    # h2c, but other clients (java.net.http, curl --http2) do, so the balancer keeps them on HTTP/1.1.
                    http-request del-header upgrade if { req.hdr(upgrade) -m sub -i h2c }
                    http-request del-header http2-settings
                    default_backend nodes
                backend nodes
                    balance roundrobin
                    option httpchk GET /health/ready
                    http-check expect status 200
                    # A node busy with a crowd of logins answers its check late, not never: without its own
                    # timeout a check may take only the 1 s interval, and under a crowd both nodes were taken out
                    # at once (every answer a 503 from the balancer). A node that is gone refuses the connection
                    # and is still taken out after two checks.
                    timeout check 5s
                    default-server inter 1s fall 2 rise 2
                %s""".formatted(port, servers));
        Process process = new ProcessBuilder(executable(), "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        workDirectory.resolve("haproxy.log").toFile()))
                .start();
        return new LoadBalancer(port, process);
    }

    private static String executable() throws IOException {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin")) {
            Path candidate = Path.of(dir, "haproxy");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IOException("haproxy is not installed (Debian: apt-get install haproxy)");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
