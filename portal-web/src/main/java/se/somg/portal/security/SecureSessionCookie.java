package se.somg.portal.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * With HTTPS required, the session cookie is {@code Secure} however the request reached the portal: behind a
 * proxy that ends TLS the container itself sees plain HTTP. Set while the application starts, the only time the
 * container allows it.
 */
@WebListener
public class SecureSessionCookie implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (TransportSecurity.isRequired(ConfigProvider.getConfig())) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
