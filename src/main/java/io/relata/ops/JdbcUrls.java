package io.relata.ops;

import java.util.regex.Pattern;

/** JDBC URLs as they may be logged: without a user, password or other secret they may carry. */
final class JdbcUrls {

    /** user=, password=, sslpassword= and the like as URL parameters (?, & or ; separated), up to the next separator. */
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)([?&;])([a-z_.]*(?:user|password|passwd|pwd|secret|token|key)[a-z_.]*)=[^&;]*");
    /** user:password@ in the authority of the URL. */
    private static final Pattern USER_INFO = Pattern.compile("//[^/@?;]*@");

    private JdbcUrls() {}

    static String withoutCredentials(String url) {
        if (url == null || url.isBlank()) {
            return "(none configured)";
        }
        String clean = USER_INFO.matcher(url).replaceFirst("//");
        return SECRET_PARAMETER.matcher(clean).replaceAll("$1$2=***");
    }
}
