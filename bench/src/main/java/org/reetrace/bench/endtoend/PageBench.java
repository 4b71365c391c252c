package org.reetrace.bench.endtoend;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reetrace.app.security.ApiTokens;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriUtils;

/**
 * The pages' bench: each main page opened many times by a person signed in through the sign-in form (one session a
 * role), over HTTP on the loopback interface, on the books {@link LoadBench} filled. A page's time is from sending
 * the GET to having read the whole HTML: the server's time plus a loopback round trip. A page this build does not
 * serve (404) is listed as absent, not timed, so that pages slot in as they are added.
 */
final class PageBench {

    /** The goal for every page: a person does not wait for it. */
    static final double GOAL_P99_MS = 200;

    /**
     * The pages timed, in one place: the path ({@code {facility}}, {@code {lot}} and {@code {magnet}} become a random
     * facility, lot or magnet lot of the books for each call) and who opens it.
     */
    static final List<Page> PAGES = List.of(
            new Page("/morning", Role.REGULATOR),
            new Page("/alerts", Role.REGULATOR),
            new Page("/facilities/{facility}", Role.REGULATOR),
            new Page("/lots/{lot}", Role.REGULATOR),
            new Page("/registry", Role.REGULATOR),
            new Page("/rules", Role.REGULATOR),
            new Page("/customs", Role.CUSTOMS),
            new Page("/customs?lot={magnet}&number=K2-BENCH&hs=8505.11&counterparty=Bench+Motors+Inc.&country=US",
                    Role.CUSTOMS),
            new Page("/portal", Role.OPERATOR));

    /** A page and the role of the person who opens it. */
    record Page(String path, Role role) {
    }

    /** {@code samples} timed opens of each page, after a tenth as many untimed. */
    record Settings(int samples, long seed) {
    }

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final Consumer<String> progress;

    PageBench(ApplicationContext context, Consumer<String> progress) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.progress = progress;
    }

    void run(Settings s, BenchReport report) {
        if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            throw new IllegalStateException("the pages' bench needs the application to serve HTTP");
        }
        String base = "http://127.0.0.1:" + web.getWebServer().getPort();
        Random random = new Random(s.seed());
        List<String> lots = jdbc.queryForList("select id from lot order by id", String.class);
        List<String> magnets = jdbc.queryForList("select id from lot where form = 'MAGNET' order by id", String.class);
        List<String> facilities = jdbc.queryForList("select id from facility order by id", String.class);
        // the operator with the most lots: its portal is the heaviest
        String operator = jdbc.queryForObject("select holder_id from lot group by holder_id order by count(*) desc,"
                + " holder_id limit 1", String.class);
        long operatorLots = jdbc.queryForObject("select count(*) from lot where holder_id = ?", Long.class, operator);
        Map<String, Supplier<String>> fill = Map.of(
                "{lot}", () -> pick(lots, random),
                "{magnet}", () -> pick(magnets.isEmpty() ? lots : magnets, random),
                "{facility}", () -> pick(facilities, random));

        ApiTokens tokens = context.getBean(ApiTokens.class);
        Map<Role, Browser> people = new LinkedHashMap<>();
        people.put(Role.REGULATOR, new Browser(base, tokens.issue(Caller.of("bench regulator", Role.REGULATOR)).token()));
        people.put(Role.CUSTOMS, new Browser(base, tokens.issue(Caller.of("bench customs", Role.CUSTOMS)).token()));
        people.put(Role.OPERATOR, new Browser(base, tokens.issue(Caller.operator("bench operator", operator)).token()));

        List<String> absent = new ArrayList<>();
        int warm = Math.max(5, s.samples() / 10);
        for (Page page : PAGES) {
            Browser person = people.get(page.role());
            int first = person.open(fill(page.path(), fill));
            if (first == 404) {
                absent.add(page.path());
                continue;
            }
            if (first != 200) {
                report.note("Page " + page.path() + " answered " + first + " to a " + page.role().name().toLowerCase(
                        Locale.ROOT) + "; not timed.");
                continue;
            }
            int[] failed = {0};
            double[] ms = LoadBench.time(warm, s.samples(), () -> {
                if (person.open(fill(page.path(), fill)) != 200) {
                    failed[0]++;
                }
            });
            String workload = page.role().name().toLowerCase(Locale.ROOT)
                    + (page.role() == Role.OPERATOR ? " " + operator + " (" + operatorLots + " lots)" : "")
                    + (failed[0] > 0 ? ", " + failed[0] + " not 200" : "");
            report.latency("Page " + page.path().replaceAll("\\?.*", "?pre-check"), workload, ms,
                    "p99 < " + (int) GOAL_P99_MS + " ms", GOAL_P99_MS);
            progress.accept(String.format(Locale.ROOT, "page %s: p50 %.1f ms, p99 %.1f ms", page.path(),
                    BenchReport.percentile(ms, 50), BenchReport.percentile(ms, 99)));
        }
        report.note("Pages: each page opened by a person signed in through the sign-in form (a session cookie, as a"
                + " browser keeps it), one GET at a time over the loopback interface, the HTML read whole; random lots,"
                + " magnet lots and facilities of the books; the portal is that of the operator with the most lots; the"
                + " pre-check row is the customs desk with a declaration filled in, against every pack in force."
                + (absent.isEmpty() ? "" : " Not served by this build (404), so not timed: " + String.join(", ", absent)
                + "."));
    }

    private static String pick(List<String> ids, Random random) {
        return ids.isEmpty() ? "none" : ids.get(random.nextInt(ids.size()));
    }

    /**
     * The address with its placeholders filled: in the query, encoded as a query parameter; in the path, as a path,
     * whose slashes stay (the simulator's lot ids hold slashes, and the server refuses an encoded one).
     */
    private static String fill(String path, Map<String, Supplier<String>> fill) {
        String filled = path;
        for (Map.Entry<String, Supplier<String>> e : fill.entrySet()) {
            int at = filled.indexOf(e.getKey());
            if (at >= 0) {
                int query = filled.indexOf('?');
                String value = e.getValue().get();
                filled = filled.replace(e.getKey(), query >= 0 && query < at
                        ? URLEncoder.encode(value, StandardCharsets.UTF_8)
                        : UriUtils.encodePath(value, StandardCharsets.UTF_8));
            }
        }
        return filled;
    }

    /** One person's browser: signed in through the form once, then opening pages with its session cookie. */
    private static final class Browser {
        private final String base;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();

        Browser(String base, String token) {
            this.base = base;
            HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).GET());
            Matcher csrf = CSRF.matcher(form.body());
            if (form.statusCode() != 200 || !csrf.find()) {
                throw new IllegalStateException("the sign-in page answered " + form.statusCode() + " without a CSRF token");
            }
            HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                            + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))));
            String to = signedIn.headers().firstValue("Location").orElse("");
            if (signedIn.statusCode() != 302 || to.contains("/sign-in")) {
                throw new IllegalStateException("signing in failed: " + signedIn.statusCode() + " to " + to);
            }
        }

        /** Opens a page and reads it whole; answers the status. */
        int open(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET())
                    .statusCode();
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException("request failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
