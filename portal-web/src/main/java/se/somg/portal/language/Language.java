package se.somg.portal.language;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import se.somg.portal.PortalLanguage;
import se.somg.portal.Sweden;
import se.somg.portal.security.TransportSecurity;

/**
 * The language of the pages: Swedish (the policy's language) unless the visitor chose English. The choice
 * is a plain session attribute, so it survives the session id change at login, and a browser-session cookie,
 * so the page that explains an ended session still speaks the visitor's language.
 */
@Named
@RequestScoped
public class Language {

    public static final Locale SWEDISH = PortalLanguage.SWEDISH.locale();
    public static final Locale ENGLISH = PortalLanguage.ENGLISH.locale();
    static final String ATTRIBUTE = "se.somg.portal.language";
    public static final String COOKIE = "portal_lang";

    @Inject
    private HttpServletRequest request;

    public Locale getLocale() {
        HttpSession session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(ATTRIBUTE);
        if (chosen == null && request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    chosen = cookie.getValue();
                }
            }
        }
        return PortalLanguage.of(chosen instanceof String code ? code : null).locale();
    }

    /** Times are shown in Swedish time, whatever the language. */
    public java.time.ZoneId getZone() {
        return Sweden.ZONE;
    }

    public String getCode() {
        return getLocale().getLanguage();
    }

    public boolean isEnglish() {
        return ENGLISH.equals(getLocale());
    }

    /** Accepts "sv" or "en"; anything else leaves the choice as it was. */
    public static boolean choose(HttpServletRequest request, HttpServletResponse response, String code) {
        if (PortalLanguage.parse(code).isEmpty()) {
            return false;
        }
        request.getSession().setAttribute(ATTRIBUTE, code);
        Cookie cookie = new Cookie(COOKIE, code);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(TransportSecurity.cameSecurely(request));
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && faces.getViewRoot() != null) {
            faces.getViewRoot().setLocale(Locale.forLanguageTag(code));
        }
        return true;
    }
}
