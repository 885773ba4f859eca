package se.somg.portal.testing;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Test deployments only: the names of the caller's session attributes that hold the address this request came from,
 * in their serialized form (what the cluster replicates) or as text (policy §5.1: never with personal data). One
 * name per line; nothing when none does.
 */
@WebServlet("/test/session-addresses")
public class SessionAddresses extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        List<String> holding = new ArrayList<>();
        String address = request.getRemoteAddr();
        if (session != null) {
            for (String name : Collections.list(session.getAttributeNames())) {
                Object value = session.getAttribute(name);
                if (String.valueOf(value).contains(address) || serialized(value).contains(address)) {
                    holding.add(name);
                }
            }
        }
        response.setContentType("text/plain");
        response.getWriter().print(address + "\n" + String.join("\n", holding));
    }

    private static String serialized(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (java.io.NotSerializableException notReplicated) {
            return "";
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
