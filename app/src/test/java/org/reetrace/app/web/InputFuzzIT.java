package org.reetrace.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.reetrace.app.ReetraceApplication;
import org.reetrace.app.TestDataDirs;
import org.reetrace.app.alerts.AlertStore;
import org.reetrace.app.security.ApiTokens;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad input never breaks the server nor changes the books. Valid requests to every write endpoint are mutated
 * (control characters and unpaired surrogates in text, nulls, wrong types, odd numbers, keys given twice, fields
 * dropped or added, bodies cut short, wrong content types, control characters in path and query) and sent to the
 * whole application on its own embedded PostgreSQL. Every answer must be below 500; a 4xx must be an RFC 9457
 * problem and leave every stored table as it was (a fingerprint: count and md5 of the ordered rows of each).
 *
 * <p>Tries: jqwik's default of 1,000 requests, {@code -Djqwik.tries.default=N} for a longer run (a JUnit Platform
 * configuration parameter, read from system properties); {@code -Dreetrace.fuzz.survey=true} goes on past a failure
 * and lists them all at the end.
 */
class InputFuzzIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Text no store may keep, as JSON escapes (the JSON form) and as the characters themselves. */
    private static final String[] BAD_CHARS = {"\u0000", "\u0001", "\u0007", "\u001b", "\u001f", "\ufffe", "\uffff",
            "\ud800", "\udfff"};
    private static final String[] ODD_NUMBERS = {"1e999999999", "-1e999999999", "1e-999999999", "-1", "-0.000001",
            "0.0000001", "0.123456789", "123456789012345678901234567890123", "1e400", "-1e400", "1E+30", "0",
            "9223372036854775808", "-9223372036854775809", "NaN", "Infinity", "\"NaN\"", "\"1e3\"", "1.5e2",
            "100000000000000000000", "2147483648", "1e-400", "0e-99999"};
    private static final String[] WRONG_TYPES = {"\"text\"", "12", "true", "false", "{}", "[]", "[1, 2]",
            "{\"a\": 1}", "[null]", "\"\"", "\"  \""};

    static final boolean SURVEY = Boolean.getBoolean("reetrace.fuzz.survey");
    static ConfigurableApplicationContext app;
    static int port;
    static JdbcClient jdbc;
    static AlertStore alerts;
    static String regulator;
    static String operator;
    static String fingerprintSql;
    static String rulePack;
    static final AtomicInteger counter = new AtomicInteger();
    /** The fingerprint as the last refused request left it; null when something may have written since. */
    static String known;
    static final AtomicInteger sent = new AtomicInteger();
    static final Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
    static final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    @BeforeContainer
    static void start() throws IOException {
        // as arguments: they outrank application.properties (its data folder is the user's own)
        app = new SpringApplicationBuilder(ReetraceApplication.class)
                .run("--server.port=0", "--reetrace.database.data-dir=" + TestDataDirs.fresh("fuzz"));
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        jdbc = app.getBean(JdbcClient.class);
        alerts = app.getBean(AlertStore.class);
        ApiTokens tokens = app.getBean(ApiTokens.class);
        regulator = tokens.issue(Caller.of("fuzz regulator", Role.REGULATOR)).token();
        try (InputStream in = InputFuzzIT.class.getResourceAsStream("/rules/my.rules")) {
            rulePack = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // the world the valid requests live in: two operators in a country without rule packs, a mine, a lot
        for (String op : new String[] {"OPF", "OPH"}) {
            expect(201, send("POST", "/api/operators", regulator, "application/json",
                    "{\"id\": \"" + op + "\", \"name\": \"" + op + " Pty\", \"country\": \"AU\", \"effective\": \"2025-01-01\"}"));
        }
        expect(201, send("POST", "/api/facilities", regulator, "application/json", """
                {"id": "FAC-F", "operator": "OPF", "name": "Fuzz mine", "kind": "MINE", "country": "AU",
                 "effective": "2025-01-01"}"""));
        operator = tokens.issue(Caller.operator("fuzz miner", "OPF")).token();
        expect(201, send("POST", "/api/events", operator, "application/json", extract("SEED")));
        expect(201, send("POST", "/api/rules/packs?source=fuzz", regulator, "text/plain",
                rulePack.replace("pack: my", "pack: fzbase")));
        fingerprintSql = fingerprintQuery();
    }

    @AfterContainer
    static void stop() {
        System.out.printf("input fuzz: %d requests, answers by status %s, 5xx: %d%n", sent.get(), statuses,
                serverErrors.size());
        System.out.printf("input fuzz: %d failures%n", failures.size());
        failures.stream().limit(40).forEach(e -> System.out.println("  failure: " + e));
        if (app != null) {
            app.close();
        }
    }

    /** One fuzzed request: which valid request, which mutation, and the randomness that places it. */
    record Fuzz(int seed, Mutation mutation, long randomness) {
    }

    enum Mutation {
        NONE, BAD_CHAR_ESCAPED, BAD_CHAR_RAW, BAD_CHAR_IN_KEY, NULL_VALUE, NULL_IN_LIST, WRONG_TYPE, ODD_NUMBER,
        DUPLICATE_KEY, DROP_FIELD, ADD_FIELD, TRUNCATE, CONTENT_TYPE, BAD_CHAR_IN_QUERY, BAD_CHAR_IN_PATH, BAD_BYTES
    }

    @Provide
    Arbitrary<Fuzz> requests() {
        return Combinators.combine(Arbitraries.integers().between(0, SEEDS.size() - 1),
                Arbitraries.of(Mutation.class), Arbitraries.longs()).as(Fuzz::new);
    }

    @Property(shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void bad_input_gets_a_problem_and_changes_nothing(@ForAll("requests") Fuzz fuzz) throws Exception {
        int n = counter.incrementAndGet();
        Seed seed = SEEDS.get(fuzz.seed());
        Req valid = seed.make().apply(n);
        Req req = mutate(valid, fuzz.mutation(), new Random(fuzz.randomness()));
        if (seed.name().startsWith("alert")) {
            known = null; // making the request raised an alert
        }
        String before = known != null ? known : fingerprint();
        known = null;

        sent.incrementAndGet();
        String what = seed.name() + " " + fuzz.mutation() + " " + req.method() + " " + req.path() + " ["
                + req.contentType() + "] " + abbreviate(req.bodyText());
        HttpResponse<String> response;
        try {
            response = sendBytes(req);
        } catch (java.net.http.HttpTimeoutException e) {
            String failure = "[no answer within 60 s]: " + what;
            failures.add(failure);
            serverErrors.add(failure);
            assertThat(SURVEY).as(failure).isTrue();
            return;
        }
        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();

        if (response.statusCode() >= 500) {
            serverErrors.add(response.statusCode() + " " + what + " -> " + abbreviate(response.body()));
        }
        List<String> broken = new ArrayList<>();
        if (response.statusCode() >= 500) {
            broken.add("a server error");
        } else if (response.statusCode() >= 400) {
            if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                broken.add("a 4xx that is not a problem document");
            } else {
                JsonNode problem = JSON.readTree(response.body());
                if (problem.path("status").asInt() != response.statusCode() || problem.path("type").asString().isBlank()
                        || problem.path("title").asString().isBlank()) {
                    broken.add("a problem without status, type or title");
                }
            }
            String after = fingerprint();
            if (!after.equals(before)) {
                broken.add("a " + response.statusCode() + " that changed what is stored");
            }
            known = after; // nothing else writes between requests: the next request's "before"
        } else if (response.statusCode() == 202) {
            awaitJob(response.headers().firstValue("Location").orElseThrow());
        }
        if (!broken.isEmpty()) {
            String failure = broken + ": " + what + " answered " + response.statusCode() + " " + abbreviate(response.body());
            failures.add(failure);
            // -Dreetrace.fuzz.survey=true goes on, to list every failure of the run at the end
            assertThat(SURVEY).as(failure).isTrue();
        }
    }

    // ---- the valid requests

    record Req(String method, String path, String contentType, byte[] body) {
        String bodyText() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }
    }

    record Seed(String name, IntFunction<Req> make) {
    }

    static Req json(String method, String path, String token, String body) {
        return new Req(method, path + tokenMark(token), "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** Which token a request carries rides on its path until it is sent (so a mutation cannot lose it). */
    static String tokenMark(String token) {
        return token == null ? "" : "#" + (token.equals(operator) ? "operator" : "regulator");
    }

    static String extract(String n) {
        return """
                {"id": "fz-%1$s", "type": "EXTRACT", "time": "2026-03-01T00:00:00Z", "facility": "FAC-F",
                 "lot": "L-%1$s", "form": "ORE", "massKg": 1000.5, "compositionMg": {"Nd": 1000000, "La": 5},
                 "location": {"latitude": -30.1, "longitude": 120.2}}""".formatted(n);
    }

    static String epcisEvent(String n) {
        return """
                {"type": "ObjectEvent", "eventTime": "2026-03-02T00:15:00Z", "eventTimeZoneOffset": "+08:00",
                 "eventID": "urn:uuid:%1$s", "action": "ADD", "bizStep": "commissioning", "disposition": "active",
                 "readPoint": {"id": "geo:-30.1,120.2"}, "bizLocation": {"id": "urn:reetrace:facility:FAC-F"},
                 "quantityList": [{"epcClass": "urn:reetrace:lot:EP-%2$s", "quantity": 1000, "uom": "KGM"}],
                 "ilmd": {"ree:lot": {"ree:epcClass": "urn:reetrace:lot:EP-%2$s", "ree:materialForm": "ORE",
                   "ree:composition": {"ree:La": 2500000, "ree:Nd": 1800000}}},
                 "ree:ledgerEvent": "EXTRACT"}""".formatted(UUID.randomUUID(), n);
    }

    static final String CONTEXT = "\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\", "
            + "{\"ree\": \"https://reetrace.org/epcis/profile/1#\"}]";

    static final List<Seed> SEEDS = List.of(
            new Seed("event", n -> json("POST", "/api/events", operator, extract("e" + n))),
            new Seed("batch", n -> json("POST", "/api/events/batch", operator, "{\"events\": [" + extract("b" + n) + ", "
                    + """
                    {"id": "fz-a%1$s", "type": "ASSAY", "time": "2026-03-02T00:00:00Z", "facility": "FAC-F",
                     "lot": "L-b%1$s", "compositionMg": {"Nd": 900000}, "activityBqPerG": 0.5}]}""".formatted(n))),
            new Seed("operator", n -> json("POST", "/api/operators", regulator, """
                    {"id": "OPN-%1$s", "name": "New %1$s Pty", "country": "AU", "effective": "2025-01-01",
                     "shareholders": [{"state": "AU", "body": "Treasury", "percent": 10}]}""".formatted(n))),
            new Seed("shareholders", n -> json("PUT", "/api/operators/OPF/shareholders", regulator, """
                    {"effective": "2025-02-01", "holdings": [{"state": "AU", "body": "Treasury", "percent": 20.5},
                     {"company": "OPH", "percent": 5}]}""")),
            new Seed("facility", n -> json("POST", "/api/facilities", regulator, """
                    {"id": "FN-%1$s", "operator": "OPF", "name": "Plant %1$s", "kind": "MINE", "country": "AU",
                     "location": {"latitude": -31, "longitude": 121},
                     "processes": [{"process": "CONCENTRATION", "licensor": "Lic Ltd", "licensorCountry": "AU",
                       "annualCapacityKg": 1000000.5}], "effective": "2025-01-01"}""".formatted(n))),
            new Seed("facility-old-form", n -> json("POST", "/api/facilities", regulator, """
                    {"id": "FO-%1$s", "operator": "OPF", "name": "Plant %1$s", "kind": "CONCENTRATOR", "country": "AU",
                     "processes": {"CONCENTRATION": "AU"}}""".formatted(n))),
            new Seed("licence", n -> json("POST", "/api/licences", regulator, """
                    {"id": "LIC-%1$s", "kind": "MINING_LEASE", "holder": "OPF", "facility": "FAC-F", "issuer": "AU",
                     "from": "2025-01-01", "until": "2030-01-01",
                     "area": {"type": "Polygon", "coordinates": [[[120, -31], [121, -31], [121, -30], [120, -31]]]},
                     "annualQuotaKg": 5000000, "effective": "2025-01-01"}""".formatted(n))),
            new Seed("zones", n -> new Req("POST", "/api/zones?kind=WATER_CATCHMENT#regulator", "application/geo+json", """
                    {"type": "FeatureCollection", "features": [{"type": "Feature",
                     "properties": {"code": "Z-%1$s", "name": "Catchment %1$s"},
                     "geometry": {"type": "Polygon", "coordinates": [[[110, -20], [111, -20], [111, -19], [110, -20]]]}}]}"""
                    .formatted(n).getBytes(StandardCharsets.UTF_8))),
            new Seed("agreement", n -> json("POST", "/api/agreements", regulator, """
                    {"id": "AG-%1$s", "licensor": "X Corp", "licensorCountry": "CN", "category": "MINING",
                     "recipient": "OPF", "from": "2025-01-01", "until": "2027-01-01", "conditions": "none",
                     "effective": "2025-01-01"}""".formatted(n))),
            new Seed("threshold", n -> json("PUT", "/api/registry/state-link-threshold", regulator,
                    "{\"percent\": 50, \"effective\": \"2025-01-01\"}")),
            new Seed("token", n -> json("POST", "/api/tokens", regulator,
                    "{\"name\": \"client " + n + "\", \"role\": \"OPERATOR\", \"operator\": \"OPF\"}")),
            new Seed("rule-pack", n -> new Req("POST", "/api/rules/packs?source=fuzz#regulator", "text/plain",
                    rulePack.replace("pack: my", "pack: fz" + n).getBytes(StandardCharsets.UTF_8))),
            new Seed("rule-enable", n -> new Req("POST", "/api/rules/packs/fzbase/2026.12/enable#regulator", null, null)),
            new Seed("rule-disable", n -> new Req("POST", "/api/rules/packs/fzbase/2026.12/disable#regulator", null, null)),
            new Seed("precheck", n -> json("POST", "/api/rules/precheck", regulator, """
                    {"lot": "L-SEED", "declaration": {"number": "D-%s", "hsCode": "2846.90", "permit": null,
                     "counterparty": "Buyer KK", "country": "JP"}, "at": "2026-04-01T00:00:00Z",
                     "jurisdictions": ["MY", "EU"]}""".formatted(n))),
            new Seed("mirror-trade", n -> new Req("POST", "/api/mirror-trade?from=2026-01&to=2026-06#regulator", "text/csv", """
                    reporter,partner,hs_code,period,net_mass_kg,trade_value_usd
                    CN,AU,2846.90,2026-02,22578,441297
                    JP,AU,2846.90,2026-03,56889.5,192247
                    """.getBytes(StandardCharsets.UTF_8))),
            new Seed("alert-acknowledge", n -> json("POST", "/api/alerts/" + alert(n) + "/acknowledge", regulator,
                    "{\"comment\": \"seen " + n + "\"}")),
            new Seed("alert-close", n -> json("POST", "/api/alerts/" + alert(n) + "/close", regulator,
                    "{\"comment\": \"done " + n + "\"}")),
            new Seed("epcis-capture", n -> new Req("POST", "/epcis/capture#operator", "application/ld+json",
                    ("{" + CONTEXT + ", \"type\": \"EPCISDocument\", \"schemaVersion\": \"2.0\", "
                            + "\"creationDate\": \"2026-03-31T16:00:00Z\", \"epcisBody\": {\"eventList\": ["
                            + epcisEvent("c" + n) + "]}}").getBytes(StandardCharsets.UTF_8))),
            new Seed("epcis-capture-xml", n -> new Req("POST", "/epcis/capture#operator", "application/xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
                        creationDate="2026-01-05T08:00:00Z"><EPCISBody><EventList>
                    <ObjectEvent><eventTime>2026-01-05T08:00:00.000+08:00</eventTime>
                      <eventTimeZoneOffset>+08:00</eventTimeZoneOffset>
                      <epcList><epc>urn:epc:id:sgtin:9555555.012345.%s</epc></epcList><action>OBSERVE</action>
                      <quantityList><quantityElement><epcClass>urn:epc:class:lgtin:4023333.002000.1</epcClass>
                      <quantity>150.5</quantity><uom>KGM</uom></quantityElement></quantityList>
                    </ObjectEvent>
                    </EventList></EPCISBody></epcis:EPCISDocument>""".formatted(n).getBytes(StandardCharsets.UTF_8))),
            new Seed("epcis-event", n -> new Req("POST", "/epcis/events#operator", "application/ld+json",
                    epcisEvent("s" + n).replaceFirst("\\{", "{" + CONTEXT + ", ").getBytes(StandardCharsets.UTF_8))));

    /** A fresh open alert for each alert request, so that acknowledging and closing can succeed. */
    static long alert(int n) {
        alerts.raise(List.of(new AlertStore.Finding("fuzz-" + n + "-" + UUID.randomUUID(), "MIRROR_TRADE_GAP", "AU",
                "2026-03", "a fuzz finding", Map.of("gapKg", "1"), List.of(), null, null, null, null,
                Instant.parse("2026-03-31T00:00:00Z"))), "AU");
        return jdbc.sql("select max(id) from alert").query(Long.class).single();
    }

    // ---- the mutations

    static Req mutate(Req r, Mutation m, Random random) {
        String text = r.bodyText();
        boolean json = r.contentType() != null && r.contentType().contains("json");
        return switch (m) {
            case NONE -> r;
            case CONTENT_TYPE -> new Req(r.method(), r.path(), pick(random, new String[] {null, "text/plain",
                    "application/xml", "application/json", "text/csv", "application/x-www-form-urlencoded",
                    "application/octet-stream", "application/json; charset=UTF-16", "multipart/form-data"}), r.body());
            case TRUNCATE -> r.body() == null || r.body().length == 0 ? withBody(r, "{")
                    : new Req(r.method(), r.path(), r.contentType(),
                    java.util.Arrays.copyOf(r.body(), random.nextInt(r.body().length)));
            case BAD_BYTES -> {
                byte[] b = r.body() == null ? new byte[] {'x'} : r.body().clone();
                int at = random.nextInt(b.length);
                byte[] bad = pick(random, new byte[][] {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {0},
                        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xEF, (byte) 0xBF, (byte) 0xBE}, {1}});
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(b, 0, at);
                out.writeBytes(bad);
                out.write(b, at, b.length - at);
                yield new Req(r.method(), r.path(), r.contentType(), out.toByteArray());
            }
            case BAD_CHAR_IN_QUERY -> {
                String[] parts = r.path().split("#", 2);
                String sep = parts[0].contains("?") ? "&" : "?";
                String param = pick(random, new String[] {"source", "enable", "kind", "from", "effective", "x"});
                yield new Req(r.method(), parts[0] + sep + param + "=a" + pick(random, new String[] {"%00", "%01",
                        "%1F", "%EF%BF%BF", "%ED%A0%80"}) + "b" + (parts.length > 1 ? "#" + parts[1] : ""),
                        r.contentType(), r.body());
            }
            case BAD_CHAR_IN_PATH -> {
                String[] parts = r.path().split("#", 2);
                String path = parts[0];
                int slash = path.lastIndexOf('/');
                yield new Req(r.method(), path.substring(0, slash + 1) + pick(random, new String[] {"%00", "%01",
                        "a%1Fb", "%EF%BF%BE"}) + path.substring(slash + 1) + (parts.length > 1 ? "#" + parts[1] : ""),
                        r.contentType(), r.body());
            }
            default -> json && !text.isEmpty() ? withBody(r, mutateJson(text, m, random))
                    : r.body() == null ? withBody(r, "{\"comment\": \"x\"}")
                    : withBody(r, mutateText(text, m, random, r.contentType() != null && r.contentType().contains("xml")));
        };
    }

    static Req withBody(Req r, String body) {
        return new Req(r.method(), r.path(), r.contentType() == null ? "application/json" : r.contentType(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    static String mutateJson(String text, Mutation m, Random random) {
        JsonNode root = JSON.readTree(text);
        List<JsonNode[]> places = new ArrayList<>(); // {parent, child}; parent null for the root
        collect(null, root, places);
        JsonNode[] place = places.get(random.nextInt(places.size()));
        String replacement = switch (m) {
            case BAD_CHAR_ESCAPED -> {
                List<JsonNode[]> strings = places.stream().filter(p -> p[1].isString()).toList();
                place = strings.isEmpty() ? place : strings.get(random.nextInt(strings.size()));
                String s = place[1].isString() ? place[1].asString() : "";
                int at = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
                yield quote(s.substring(0, at) + pick(random, BAD_CHARS) + s.substring(at), true);
            }
            case BAD_CHAR_RAW -> {
                List<JsonNode[]> strings = places.stream().filter(p -> p[1].isString()).toList();
                place = strings.isEmpty() ? place : strings.get(random.nextInt(strings.size()));
                String s = place[1].isString() ? place[1].asString() : "";
                yield quote(s + pick(random, new String[] {"\u0000", "\u0001", "\u001f"}), false);
            }
            case NULL_VALUE -> "null";
            case WRONG_TYPE -> pick(random, WRONG_TYPES);
            case ODD_NUMBER -> {
                List<JsonNode[]> numbers = places.stream().filter(p -> p[1].isNumber()).toList();
                place = numbers.isEmpty() || random.nextInt(4) == 0 ? place : numbers.get(random.nextInt(numbers.size()));
                yield pick(random, ODD_NUMBERS);
            }
            default -> null;
        };
        if (replacement != null) {
            return write(root, place[1], replacement, null, null);
        }
        List<JsonNode[]> objects = places.stream().filter(p -> p[1].isObject() && !p[1].isEmpty()).toList();
        List<JsonNode[]> arrays = places.stream().filter(p -> p[1].isArray()).toList();
        JsonNode object = objects.isEmpty() ? root : objects.get(random.nextInt(objects.size()))[1];
        List<String> keys = object.isObject() ? new ArrayList<>(object.propertyNames()) : List.of();
        String key = keys.isEmpty() ? "x" : keys.get(random.nextInt(keys.size()));
        return switch (m) {
            case BAD_CHAR_IN_KEY -> write(root, object, null, key, quote(key + pick(random, BAD_CHARS), true));
            case DUPLICATE_KEY -> write(root, object, null, key, "DUPLICATE");
            case DROP_FIELD -> write(root, object, null, key, "DROP");
            case ADD_FIELD -> write(root, object, null, key, "ADD");
            case NULL_IN_LIST -> arrays.isEmpty() ? write(root, object, null, key, "DUPLICATE")
                    : write(root, arrays.get(random.nextInt(arrays.size()))[1], null, null, "NULL_ELEMENT");
            default -> text;
        };
    }

    static void collect(JsonNode parent, JsonNode node, List<JsonNode[]> out) {
        out.add(new JsonNode[] {parent, node});
        if (node.isContainer()) {
            for (JsonNode child : node) {
                collect(node, child, out);
            }
        }
    }

    /**
     * Writes the tree with one change: {@code target} replaced by raw {@code replacement}, or in object/array
     * {@code target} the member {@code key} duplicated, dropped, renamed (a quoted key) or an element or member
     * added. Written by hand, since no JSON writer writes a key twice or an unpaired surrogate as an escape.
     */
    static String write(JsonNode node, JsonNode target, String replacement, String key, String action) {
        if (node == target && replacement != null) {
            return replacement;
        }
        StringBuilder sb = new StringBuilder();
        if (node.isObject()) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                boolean here = node == target && e.getKey().equals(key);
                if (here && "DROP".equals(action)) {
                    continue;
                }
                String name = here && action.startsWith("\"") ? action : quote(e.getKey(), true);
                String value = write(e.getValue(), target, replacement, key, action);
                sb.append(first ? "" : ",").append(name).append(':').append(value);
                first = false;
                if (here && "DUPLICATE".equals(action)) {
                    sb.append(',').append(name).append(':').append(value.equals("null") ? "1" : "null");
                }
            }
            if (node == target && "ADD".equals(action)) {
                sb.append(first ? "" : ",").append("\"unexpectedField\":\"x\"");
            }
            return sb.append('}').toString();
        }
        if (node.isArray()) {
            sb.append('[');
            boolean first = true;
            for (JsonNode child : node) {
                sb.append(first ? "" : ",").append(write(child, target, replacement, key, action));
                first = false;
            }
            if (node == target && "NULL_ELEMENT".equals(action)) {
                sb.append(first ? "" : ",").append("null");
            }
            return sb.append(']').toString();
        }
        return node.isString() ? quote(node.asString(), true) : node.toString();
    }

    /** A JSON string; {@code escaped}: control characters, surrogates and non-characters as \\u escapes. */
    static String quote(String s, boolean escaped) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (escaped && (c < 0x20 || Character.isSurrogate(c) || c >= 0xFFFE)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    static String mutateText(String text, Mutation m, Random random, boolean xml) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int line = random.nextInt(lines.size());
        String l = lines.get(line);
        int at = l.isEmpty() ? 0 : random.nextInt(l.length() + 1);
        switch (m) {
            case BAD_CHAR_ESCAPED, BAD_CHAR_IN_KEY -> lines.set(line, l.substring(0, at)
                    + (xml ? pick(random, new String[] {"&#0;", "&#1;", "&#x1F;", "&#xFFFE;", "&#xD800;"})
                    : pick(random, BAD_CHARS)) + l.substring(at));
            case BAD_CHAR_RAW -> lines.set(line, l.substring(0, at) + pick(random, BAD_CHARS) + l.substring(at));
            case NULL_VALUE -> lines.set(line, l.replaceAll("[^,:<> ]+", "null"));
            case WRONG_TYPE -> lines.set(line, l.replaceAll("\\d+(\\.\\d+)?", "abc"));
            case ODD_NUMBER -> lines.set(line, l.replaceAll("\\d+(\\.\\d+)?", pick(random, ODD_NUMBERS).replace("\"", "")));
            case DUPLICATE_KEY, NULL_IN_LIST -> lines.add(line, l);
            case DROP_FIELD -> lines.remove(line);
            case ADD_FIELD -> lines.add(line, xml ? "<unexpected>1</unexpected>" : "unexpected: 1,2,3");
            default -> {
            }
        }
        String out = String.join("\n", lines);
        if (xml && m == Mutation.BAD_CHAR_IN_KEY) {
            out = out.replace("version=\"1.0\"", "version=\"1.1\"");
        }
        return out;
    }

    static <T> T pick(Random random, T[] options) {
        return options[random.nextInt(options.length)];
    }

    // ---- HTTP and the stored state

    static HttpResponse<String> sendBytes(Req r) throws IOException, InterruptedException {
        String[] parts = r.path().split("#", 2);
        String token = parts.length < 2 ? null : parts[1].equals("operator") ? operator : regulator;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + parts[0]))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (r.contentType() != null) {
            b.header("Content-Type", r.contentType());
        }
        b.method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(String method, String path, String token, String type, String body) {
        try {
            return sendBytes(new Req(method, path + tokenMark(token), type, body.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static void expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }

    /** A capture job writes after its 202: wait for it, so that its rows are not taken for the next request's. */
    static void awaitJob(String location) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> job = sendBytes(new Req("GET", location + "#operator", null, null));
            if (!JSON.readTree(job.body()).path("running").asBoolean(true)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("capture job " + location + " still running after 60 s");
    }

    /**
     * One query over every table the application keeps (all of the public schema but Flyway's own): its row count
     * and the md5 of its ordered rows. A token table's columns of last use are left out: presenting a token is not a
     * change a refusal makes to the books; nor are the log's checkpoints, which it signs on its own schedule.
     */
    static String fingerprintQuery() {
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'
                  and table_name <> 'log_checkpoint'
                order by table_name""").query(String.class).list();
        List<String> parts = new ArrayList<>();
        for (String table : tables) {
            List<String> columns = jdbc.sql("""
                    select column_name from information_schema.columns
                    where table_schema = 'public' and table_name = ?
                      and not (table_name like '%token%' and (column_name like 'last%' or column_name like '%used%'))
                    order by ordinal_position""").param(table).query(String.class).list();
            String cols = String.join(", ", columns.stream().map(c -> "\"" + c + "\"").toList());
            parts.add("select '" + table + ":' || count(*) || ':' || coalesce(md5(string_agg(r::text, '|' order by r::text)), '')"
                    + " from (select " + cols + " from \"" + table + "\") r");
        }
        return "select string_agg(x, ' ' order by x) from (" + String.join(" union all ", parts) + ") f(x)";
    }

    static String fingerprint() {
        return Optional.ofNullable(jdbc.sql(fingerprintSql).query(String.class).single()).orElse("");
    }

    static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
