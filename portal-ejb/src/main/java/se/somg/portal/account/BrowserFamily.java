package se.somg.portal.account;

/**
 * The coarse browser and operating-system family of a User-Agent header ("Firefox", "Android"): enough for a person
 * to recognise their own sign-ins, nothing that singles out a device. The header itself is never stored.
 */
public record BrowserFamily(String browser, String operatingSystem) {

    public static final String OTHER = "Other";

    public static BrowserFamily of(String userAgent) {
        String ua = userAgent == null ? "" : userAgent;
        return new BrowserFamily(browserOf(ua), systemOf(ua));
    }

    private static String browserOf(String ua) {
        // the order matters: Edge and Opera also say Chrome, Chrome also says Safari
        if (ua.contains("Edg/") || ua.contains("Edge/")) {
            return "Edge";
        }
        if (ua.contains("OPR/") || ua.contains("Opera")) {
            return "Opera";
        }
        if (ua.contains("SamsungBrowser/")) {
            return "Samsung Internet";
        }
        if (ua.contains("Firefox/") || ua.contains("FxiOS/")) {
            return "Firefox";
        }
        if (ua.contains("Chrome/") || ua.contains("CriOS/") || ua.contains("Chromium/")) {
            return "Chrome";
        }
        if (ua.contains("Safari/")) {
            return "Safari";
        }
        return OTHER;
    }

    private static String systemOf(String ua) {
        if (ua.contains("Android")) {
            return "Android";
        }
        if (ua.contains("iPhone") || ua.contains("iPad") || ua.contains("iPod")) {
            return "iOS";
        }
        if (ua.contains("Windows")) {
            return "Windows";
        }
        if (ua.contains("CrOS")) {
            return "ChromeOS";
        }
        if (ua.contains("Mac OS X") || ua.contains("Macintosh")) {
            return "macOS";
        }
        if (ua.contains("Linux") || ua.contains("X11")) {
            return "Linux";
        }
        return OTHER;
    }
}
