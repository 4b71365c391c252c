package org.reetrace.app.epcis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reetrace.app.security.Caller;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscriptions to named queries against the running application: webhooks (a receiver in the test) take the
 * events in order, signed, again after failures and after the delivery stopped and started; a WebSocket receives
 * an event as it is booked; nobody subscribes to what they may not read.
 */
class SubscriptionIT extends QueryBase {

    @Autowired
    SubscriptionDelivery delivery;

    Receiver receiver;

    @BeforeEach
    void startTheReceiver() throws IOException {
        receiver = new Receiver();
    }

    @AfterEach
    void stopTheReceiver() {
        receiver.stop();
    }

    @Test
    void a_stream_delivers_each_new_event_in_order_with_a_valid_signature() {
        String a = epc();
        String b = epc();
        String c = epc();
        capture(operator, a); // before the subscription: not sent
        String name = nameQuery(operator, a, b, c);
        JsonNode made = subscribe(operator, name, "\"stream\": true, \"signatureToken\": \"s3cret\"");
        assertThat(made.path("state").asString()).isEqualTo("active");
        assertThat(made.has("signatureToken")).isFalse();

        capture(operator, b);
        capture(operator, c);

        await(() -> receiver.epcs().size() >= 2, "two events delivered");
        assertThat(receiver.epcs()).containsExactly(b, c);
        for (Receiver.Delivery d : receiver.taken) {
            assertThat(d.signature()).isEqualTo(SubscriptionDelivery.signature("s3cret", d.body()));
            assertThat(JSON.readTree(d.body()).at("/epcisBody/queryResults/queryName").asString()).isEqualTo(name);
        }
        JsonNode read = get(lastLocationOf(name, made), operator).json();
        assertThat(read.path("lastNotifiedAt").isMissingNode()).isFalse();
        assertThat(read.path("failures").asInt()).isZero();
    }

    @Test
    void parameters_only_the_stored_event_answers_decide_what_a_subscription_gets() {
        String a = epc();
        String b = epc();
        String c = epc();
        String name = queryName();
        Response named = postJson("/epcis/queries", operator, """
                {"name": "%s", "query": {"MATCH_epc": ["%s", "%s", "%s"],
                                         "EQ_bizTransaction_po": ["urn:epcglobal:cbv:bt:9555000000001:PO-1"]}}"""
                .formatted(name, a, b, c));
        assertThat(named.status()).as(named.body()).isEqualTo(201);
        subscribe(operator, name, "\"stream\": true");

        captureForOrder(a, "PO-1");
        captureForOrder(b, "PO-2");
        captureForOrder(c, "PO-1");

        await(() -> receiver.epcs().size() >= 2, "the two events of PO-1 delivered");
        assertThat(receiver.epcs()).containsExactly(a, c);
    }

    private void captureForOrder(String epc, String order) {
        String event = """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                 "type": "ObjectEvent", "eventTime": "2026-03-02T08:00:00.000+08:00", "eventTimeZoneOffset": "+08:00",
                 "eventID": "urn:uuid:%s", "epcList": ["%s"], "action": "OBSERVE", "bizStep": "inspecting",
                 "bizLocation": {"id": "%s"},
                 "bizTransactionList": [{"type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:9555000000001:%s"}]}"""
                .formatted(java.util.UUID.randomUUID(), epc, FACILITY, order);
        Response r = post("/epcis/events", operator, "application/ld+json", event);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void a_destination_that_fails_gets_the_events_again_in_order_and_the_subscription_shows_it_failing() {
        String a = epc();
        String b = epc();
        String name = nameQuery(operator, a, b);
        receiver.failNext(2);
        JsonNode made = subscribe(operator, name, "\"stream\": true");
        String location = lastLocationOf(name, made);

        capture(operator, a);
        await(() -> receiver.refused.size() >= 1, "a refused delivery");
        JsonNode failing = get(location, operator).json();
        assertThat(failing.path("state").asString()).isEqualTo("failing");
        assertThat(failing.path("lastError").asString()).contains("500");
        assertThat(failing.path("nextAttemptAt").isMissingNode()).isFalse();
        capture(operator, b);

        await(() -> receiver.epcs().size() >= 2, "both events delivered after the failures");
        assertThat(receiver.epcs()).containsExactly(a, b);
        assertThat(receiver.refused).hasSize(2);
        await(() -> get(location, operator).json().path("state").asString().equals("active"), "active again");
    }

    @Test
    void after_the_delivery_stops_and_starts_again_it_resumes_from_the_cursor() throws InterruptedException {
        String a = epc();
        String b = epc();
        String c = epc();
        String name = nameQuery(operator, a, b, c);
        subscribe(operator, name, "\"stream\": true");
        capture(operator, a);
        await(() -> receiver.epcs().size() >= 1, "the first event delivered");

        delivery.stop();
        try {
            capture(operator, b);
            capture(operator, c);
            Thread.sleep(700);
            assertThat(receiver.epcs()).containsExactly(a);
        } finally {
            delivery.start();
        }

        await(() -> receiver.epcs().size() >= 3, "the events booked while stopped delivered");
        assertThat(receiver.epcs()).containsExactly(a, b, c);
    }

    @Test
    void a_scheduled_subscription_sends_what_was_found_since_its_last_run() {
        String a = epc();
        String name = nameQuery(operator, a);
        subscribe(operator, name, "\"schedule\": {\"second\": \"*/1\"}, \"reportIfEmpty\": true");
        await(() -> receiver.taken.size() >= 1, "an empty report");
        capture(operator, a);
        await(() -> receiver.epcs().contains(a), "the event in a scheduled report");
        assertThat(receiver.epcs()).containsExactly(a);
    }

    @Test
    void a_subscription_needs_a_stream_or_a_schedule_and_a_web_destination() {
        String name = nameQuery(operator, epc());
        Response neither = postJson("/epcis/queries/" + name + "/subscriptions", operator,
                "{\"dest\": \"" + receiver.url() + "\"}");
        assertThat(neither.status()).as(neither.body()).isEqualTo(400);
        assertThat(neither.json().path("type").asString()).isEqualTo("epcisException:SubscriptionControlsException");
        assertThat(postJson("/epcis/queries/" + name + "/subscriptions", operator,
                "{\"dest\": \"file:///etc/passwd\", \"stream\": true}").status()).isEqualTo(400);
        assertThat(postJson("/epcis/queries/" + name + "/subscriptions", operator,
                "{\"dest\": \"" + receiver.url() + "\", \"schedule\": {\"hour\": \"25\"}}").status()).isEqualTo(400);
    }

    @Test
    void subscriptions_are_listed_read_and_deleted_and_end_with_their_query() {
        String name = nameQuery(operator, epc());
        JsonNode one = subscribe(operator, name, "\"stream\": true");
        subscribe(operator, name, "\"schedule\": {\"hour\": \"1\", \"minute\": \"5\"}");

        Response list = get("/epcis/queries/" + name + "/subscriptions", operator);
        assertThat(list.json().size()).isEqualTo(2);
        Response page = get("/epcis/queries/" + name + "/subscriptions?perPage=1", operator);
        assertThat(page.json().size()).isEqualTo(1);
        assertThat(lastHeaders.firstValue("Link")).isPresent();
        JsonNode scheduled = list.json().get(1);
        assertThat(scheduled.at("/schedule/hour").asString()).isEqualTo("1");
        assertThat(scheduled.path("nextAttemptAt").asString()).endsWith("01:05:00Z");

        String location = lastLocationOf(name, one);
        assertThat(send(request(location, operator).DELETE()).status()).isEqualTo(204);
        assertThat(get(location, operator).status()).isEqualTo(404);
        assertThat(send(request("/epcis/queries/" + name, operator).DELETE()).status()).isEqualTo(204);
        assertThat(get("/epcis/queries/" + name + "/subscriptions", operator).status()).isEqualTo(404);
    }

    @Test
    void an_operator_cannot_subscribe_to_what_it_cannot_read() throws Exception {
        String a = epc();
        String name = nameQuery(operator, a);
        String other = tokenFor(Caller.operator("other-subscriber", "OP-SUBSCRIBER-OTHER"));

        Response refused = postJson("/epcis/queries/" + name + "/subscriptions", other,
                "{\"dest\": \"" + receiver.url() + "\", \"stream\": true}");
        assertThat(refused.status()).isEqualTo(403);

        // its own query on another operator's EPC: the subscription is taken, and sends nothing of the other's
        Receiver its = new Receiver();
        try {
            String own = nameQuery(other, a);
            Response r = postJson("/epcis/queries/" + own + "/subscriptions", other,
                    "{\"dest\": \"" + its.url() + "\", \"stream\": true}");
            assertThat(r.status()).isEqualTo(201);
            subscribe(operator, name, "\"stream\": true");
            capture(operator, a);
            await(() -> receiver.epcs().size() >= 1, "the maker's subscription delivered");
            Thread.sleep(500);
            assertThat(its.taken).isEmpty();
        } finally {
            its.stop();
        }
    }

    @Test
    void a_websocket_receives_an_event_as_it_is_booked() throws Exception {
        String a = epc();
        String name = nameQuery(operator, a);
        Queue<String> messages = new ConcurrentLinkedQueue<>();
        WebSocket socket = watch(name, "stream=true", messages);
        try {
            capture(operator, a);
            await(() -> !messages.isEmpty(), "a message on the WebSocket");
            assertThat(NamedQueryIT.epcsOf(JSON.readTree(messages.peek()))).containsExactly(a);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_scheduled_websocket_receives_what_was_found_since_its_last_run() throws Exception {
        String a = epc();
        String name = nameQuery(operator, a);
        Queue<String> messages = new ConcurrentLinkedQueue<>();
        WebSocket socket = watch(name, "second=*/1&reportIfEmpty=true", messages);
        try {
            await(() -> !messages.isEmpty(), "an empty report on the WebSocket");
            assertThat(NamedQueryIT.epcsOf(JSON.readTree(messages.peek()))).isEmpty();
            capture(operator, a);
            await(() -> messages.stream().anyMatch(m -> m.contains(a)), "the event in a scheduled report");
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        }
    }

    /** Opens a WebSocket on the query's events with {@code parameters}; its messages go to {@code messages}. */
    private WebSocket watch(String name, String parameters, Queue<String> messages) throws Exception {
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + operator)
                .buildAsync(URI.create("ws://localhost:" + port + "/epcis/queries/" + name + "/events?" + parameters),
                        new WebSocket.Listener() {
                            private final StringBuilder text = new StringBuilder();

                            @Override
                            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                                text.append(data);
                                if (last) {
                                    messages.add(text.toString());
                                    text.setLength(0);
                                }
                                webSocket.request(1);
                                return null;
                            }
                        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void a_websocket_needs_a_bearer_token_and_the_query_s_maker() {
        String name = nameQuery(operator, epc());
        String other = tokenFor(Caller.operator("other-watcher", "OP-WATCHER-OTHER"));
        for (String token : new String[] {null, other}) {
            var builder = HttpClient.newHttpClient().newWebSocketBuilder();
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            var opening = builder.buildAsync(URI.create("ws://localhost:" + port + "/epcis/queries/" + name
                    + "/events?stream=true"), new WebSocket.Listener() { });
            assertThat(opening).failsWithin(Duration.ofSeconds(10));
        }
    }

    private JsonNode subscribe(String token, String name, String controls) {
        Response r = postJson("/epcis/queries/" + name + "/subscriptions", token,
                "{\"dest\": \"" + receiver.url() + "\", " + controls + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static String lastLocationOf(String name, JsonNode made) {
        return "/epcis/queries/" + name + "/subscriptions/" + made.path("subscriptionID").asString();
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 30 s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A webhook destination: keeps what it takes (2xx) and counts what it refuses (500, as told). */
    static final class Receiver {
        record Delivery(byte[] body, String signature) {
        }

        final List<Delivery> taken = new CopyOnWriteArrayList<>();
        final List<Delivery> refused = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        private volatile int failures;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Delivery d = new Delivery(body, exchange.getRequestHeaders().getFirst("GS1-Signature"));
                int status;
                synchronized (this) {
                    status = failures > 0 ? 500 : 200;
                    if (failures > 0) {
                        failures--;
                        refused.add(d);
                    } else {
                        taken.add(d);
                    }
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        synchronized void failNext(int n) {
            failures = n;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        /** The EPCs of the events taken, in the order they came. */
        List<String> epcs() {
            List<String> epcs = new ArrayList<>();
            for (Delivery d : taken) {
                epcs.addAll(NamedQueryIT.epcsOf(JSON.readTree(new String(d.body(), StandardCharsets.UTF_8))));
            }
            return epcs;
        }

        void stop() {
            server.stop(0);
        }
    }
}
