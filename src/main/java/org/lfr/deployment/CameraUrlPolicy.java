package org.lfr.deployment;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides which stream URLs the service may open: allowed schemes, and hosts neither denied (loopback, link-local,
 * wildcard, the service's own database and identity provider, any configured range) nor outside a configured
 * allow-list. Checked when a camera is added and again, for its current addresses, whenever the stream is opened.
 * Credentials in the URL are split off: they are stored apart and never shown or logged.
 */
@ApplicationScoped
public class CameraUrlPolicy {

    /**
     * A stream to open: its URL without credentials, the user-info credentials ({@code user:password}, as typed:
     * percent-encoded) or null, and the query parameters that carry credentials ({@code password=…&token=…}) or null.
     */
    public record StreamTarget(String url, String credentials, String querySecrets) {

        /**
         * The URL to hand to FFmpeg, with the credentials put back where they were: spliced as plain text, so that
         * any character of a password ({@code $}, {@code \}, …) arrives unchanged.
         */
        public String withCredentials() {
            String full = url;
            if (credentials != null) {
                int authority = full.indexOf("://") + 3;
                full = full.substring(0, authority) + credentials + "@" + full.substring(authority);
            }
            if (querySecrets != null) {
                full = full + (full.indexOf('?') < 0 ? "?" : "&") + querySecrets;
            }
            return full;
        }
    }

    /**
     * Words that mark a query parameter as a credential (its name decoded, compared without case, '-' and '_'
     * ignored): such a parameter is taken out of the URL that is stored and shown and kept with the user-info
     * credentials. A name containing one of them counts ({@code X-Amz-Signature}, {@code client_secret},
     * {@code access-token}, {@code jwt}…).
     */
    static final List<String> SECRET_QUERY_WORDS = List.of("user", "login", "pass", "pwd", "token", "auth", "key",
            "secret", "sig", "credential", "jwt", "session", "sid");

    static boolean isSecretParameter(String rawName) {
        String name;
        try {
            name = java.net.URLDecoder.decode(rawName, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return true; // a name that does not decode is not shown
        }
        String plain = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return SECRET_QUERY_WORDS.stream().anyMatch(plain::contains);
    }

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

    private final CameraConfig config;
    private final List<String> dependencies;

    @Inject
    CameraUrlPolicy(CameraConfig config, @ConfigProperty(name = "lfr.db.host") String databaseHost,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String oidcUrl) {
        this(config, List.of(databaseHost, URI.create(oidcUrl).getHost()));
    }

    CameraUrlPolicy(CameraConfig config, List<String> dependencyHosts) {
        this.config = config;
        this.dependencies = dependencyHosts.stream().filter(h -> h != null && !h.isBlank())
                .map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    /** Blocking (name resolution): call off the event loop. */
    public StreamTarget check(String url) {
        // The scheme is judged from the raw text first: FFmpeg pseudo-protocols such as concat: are not valid URIs,
        // and the reason the user needs is that the scheme is refused, not that the rest is malformed.
        Matcher raw = SCHEME.matcher(url);
        if (raw.find()) {
            requireAllowedScheme(raw.group(1).toLowerCase(Locale.ROOT));
        }
        URI uri = parse(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        requireAllowedScheme(scheme);
        if ("file".equals(scheme)) {
            return new StreamTarget(url, null, null);
        }
        checkHost(uri);
        try {
            List<String> shown = new java.util.ArrayList<>();
            List<String> secret = new java.util.ArrayList<>();
            if (uri.getRawQuery() != null) {
                for (String parameter : uri.getRawQuery().split("&")) {
                    (isSecretParameter(parameter.split("=", 2)[0]) ? secret : shown).add(parameter);
                }
            }
            String withoutCredentials = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(),
                    null, null).toString() + (shown.isEmpty() ? "" : "?" + String.join("&", shown));
            return new StreamTarget(withoutCredentials, uri.getRawUserInfo(),
                    secret.isEmpty() ? null : String.join("&", secret));
        } catch (URISyntaxException e) {
            throw new CameraUrlRefusedException(CameraUrlRefusal.MALFORMED, "not a valid URL");
        }
    }

    private void requireAllowedScheme(String scheme) {
        if (!config.allowedSchemes().contains(scheme)) {
            throw new CameraUrlRefusedException(CameraUrlRefusal.SCHEME_NOT_ALLOWED, "the scheme " + scheme
                    + " is not allowed (allowed: " + String.join(", ", config.allowedSchemes()) + ")");
        }
    }

    /** The host of a stream about to be opened, against its addresses now. Blocking. */
    public void checkHostNow(String url) {
        URI uri = parse(url);
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            checkHost(uri);
        }
    }

    /** FFmpeg protocols that the allowed schemes need (its {@code protocol_whitelist}). */
    public String ffmpegProtocols() {
        Set<String> protocols = new LinkedHashSet<>();
        for (String scheme : config.allowedSchemes()) {
            switch (scheme) {
                case "rtsp" -> protocols.addAll(List.of("rtsp", "rtp", "udp", "tcp"));
                case "rtsps" -> protocols.addAll(List.of("rtsps", "rtsp", "rtp", "udp", "tcp", "tls"));
                case "http" -> protocols.addAll(List.of("http", "tcp"));
                case "https" -> protocols.addAll(List.of("https", "http", "tls", "tcp"));
                default -> protocols.add(scheme);
            }
        }
        return String.join(",", protocols);
    }

    private void checkHost(URI uri) {
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new CameraUrlRefusedException(CameraUrlRefusal.MALFORMED, "the URL names no host");
        }
        String name = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        if (dependencies.contains(name) && !config.allowLoopback()) {
            throw new CameraUrlRefusedException(CameraUrlRefusal.SERVICE_DEPENDENCY,
                    "the host " + host + " is one of the service's own dependencies");
        }
        List<InetAddress> addresses = resolve(name);
        for (InetAddress a : addresses) {
            if (a.isLoopbackAddress() && !config.allowLoopback()) {
                throw new CameraUrlRefusedException(CameraUrlRefusal.LOOPBACK, "the host " + host + " is this machine");
            }
            if (a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) {
                throw new CameraUrlRefusedException(CameraUrlRefusal.LINK_LOCAL, "the host " + host
                        + " is a link-local, wildcard or multicast address");
            }
            if (!config.allowLoopback() && dependencies.stream().flatMap(d -> resolve(d).stream()).anyMatch(a::equals)) {
                throw new CameraUrlRefusedException(CameraUrlRefusal.SERVICE_DEPENDENCY,
                        "the host " + host + " is one of the service's own dependencies");
            }
        }
        if (config.deniedHosts().map(list -> matchesAny(list, name, addresses)).orElse(false)) {
            throw new CameraUrlRefusedException(CameraUrlRefusal.HOST_NOT_ALLOWED, "the host " + host + " is denied");
        }
        if (config.allowedHosts().map(list -> !matchesAny(list, name, addresses)).orElse(false)) {
            throw new CameraUrlRefusedException(CameraUrlRefusal.HOST_NOT_ALLOWED, "the host " + host
                    + " is not among the allowed camera hosts");
        }
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null) {
                throw new CameraUrlRefusedException(CameraUrlRefusal.MALFORMED, "the URL has no scheme");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CameraUrlRefusedException(CameraUrlRefusal.MALFORMED, "not a valid URL (credentials must be"
                    + " percent-encoded)");
        }
    }

    /** The host's addresses; none when it cannot be resolved now (it is checked again when the stream opens). */
    private static List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException | SecurityException e) {
            return List.of();
        }
    }

    /** Entries are host names (exact) or CIDR ranges ({@code 198.51.100.0/24}, {@code 2001:db8::/32}). */
    static boolean matchesAny(List<String> entries, String host, List<InetAddress> addresses) {
        for (String entry : entries) {
            String e = entry.trim().toLowerCase(Locale.ROOT);
            if (e.equals(host)) {
                return true;
            }
            if (e.contains("/")) {
                for (InetAddress a : addresses) {
                    if (inRange(a, e)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean inRange(InetAddress address, String cidr) {
        String[] parts = cidr.split("/");
        byte[] network;
        try {
            network = InetAddress.getByName(parts[0]).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a CIDR range: " + cidr, e);
        }
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int bits = Integer.parseInt(parts[1]);
        for (int i = 0; i < bytes.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
            if ((bytes[i] & mask) != (network[i] & mask)) {
                return false;
            }
        }
        return true;
    }
}
