package org.reetrace.app.epcis;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reetrace.app.security.Caller;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Named queries of the EPCIS REST binding against the running application: made, listed, run, deleted. */
class NamedQueryIT extends QueryBase {

    @Test
    void a_named_query_is_made_read_listed_run_a_page_at_a_time_and_deleted() {
        String a = epc();
        String b = epc();
        capture(operator, a);
        capture(operator, epc());
        capture(operator, b);
        String name = queryName();

        Response made = postJson("/epcis/queries", operator, "{\"name\": \"" + name + "\", \"query\": "
                + "{\"MATCH_epc\": [\"" + a + "\", \"" + b + "\"], \"eventType\": [\"ObjectEvent\"]}}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(lastLocation).isEqualTo("/epcis/queries/" + name);

        JsonNode read = get("/epcis/queries/" + name, operator).json();
        assertThat(read.path("name").asString()).isEqualTo(name);
        assertThat(read.at("/query/MATCH_epc/1").asString()).isEqualTo(b);
        assertThat(listedNames(operator)).contains(name);
        assertThat(listedNames(regulator)).doesNotContain(name);

        Response first = get("/epcis/queries/" + name + "/events?perPage=1", operator);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(epcsOf(first.json())).containsExactly(a);
        String link = lastHeaders.firstValue("Link").orElseThrow();
        assertThat(lastHeaders.firstValue("GS1-Next-Page-Token-Expires")).isPresent();
        String next = link.substring(1, link.indexOf('>'));
        assertThat(next).startsWith("/epcis/queries/" + name + "/events?").contains("perPage=1");
        Response second = get(next, operator);
        assertThat(epcsOf(second.json())).containsExactly(b);
        assertThat(lastHeaders.firstValue("Link")).isEmpty();

        Response deleted = send(request("/epcis/queries/" + name, operator).DELETE());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(get("/epcis/queries/" + name, operator).status()).isEqualTo(404);
        assertThat(get("/epcis/queries/" + name + "/events", operator).status()).isEqualTo(404);
    }

    @Test
    void the_list_of_named_queries_is_paged() {
        String owner = tokenFor(Caller.operator("ree-queries-many", OPERATOR));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            names.add(nameQuery(owner, epc()));
        }
        Response page = get("/epcis/queries?perPage=2", owner);
        assertThat(page.json().size()).isEqualTo(2);
        String link = lastHeaders.firstValue("Link").orElseThrow();
        Response rest = get(link.substring(1, link.indexOf('>')), owner);
        List<String> all = new ArrayList<>(names(page.json()));
        all.addAll(names(rest.json()));
        assertThat(all).containsExactlyElementsOf(names.stream().sorted().toList());
    }

    @Test
    void a_query_with_a_parameter_this_repository_does_not_support_is_refused_when_it_is_named() {
        String name = queryName();
        Response r = postJson("/epcis/queries", operator, "{\"name\": \"" + name + "\", \"query\": "
                + "{\"EQ_noSuchField\": [\"x\"]}}");

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().path("type").asString()).isEqualTo("epcisException:QueryParameterException");
        assertThat(r.json().path("parameter").asString()).isEqualTo("EQ_noSuchField");
        assertThat(get("/epcis/queries/" + name, operator).status()).isEqualTo(404);
    }

    @Test
    void a_bad_value_a_bad_name_a_name_in_use_and_paging_kept_with_the_query_are_refused() {
        assertThat(postJson("/epcis/queries", operator, "{\"name\": \"" + queryName() + "\", \"query\": "
                + "{\"GE_eventTime\": \"yesterday\"}}").json().path("type").asString())
                .isEqualTo("epcisException:QueryParameterException");
        assertThat(postJson("/epcis/queries", operator, "{\"name\": \"" + queryName() + "\", \"query\": "
                + "{\"perPage\": 5}}").status()).isEqualTo(400);
        assertThat(postJson("/epcis/queries", operator, "{\"name\": \"a b/c\", \"query\": {}}").status())
                .isEqualTo(400);
        String name = nameQuery(operator, epc());
        Response again = postJson("/epcis/queries", operator, "{\"name\": \"" + name + "\", \"query\": {}}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asString()).isEqualTo("epcisException:ResourceAlreadyExistsException");
        assertThat(get("/epcis/queries/" + name + "/events?EQ_bizStep=shipping", operator).status()).isEqualTo(400);
    }

    @Test
    void a_named_query_is_its_maker_s_and_a_run_shows_only_what_the_runner_may_see() {
        String a = epc();
        capture(operator, a);
        String name = nameQuery(operator, a);
        String other = tokenFor(Caller.operator("other-queries", "OP-QUERIES-OTHER"));

        assertThat(get("/epcis/queries/" + name, other).status()).isEqualTo(403);
        assertThat(get("/epcis/queries/" + name + "/events", other).status()).isEqualTo(403);
        assertThat(send(request("/epcis/queries/" + name, other).DELETE()).status()).isEqualTo(403);

        // another operator's own query on the same EPC finds nothing: the event is not at its facilities
        String its = nameQuery(other, a);
        assertThat(epcsOf(get("/epcis/queries/" + its + "/events", other).json())).isEmpty();
        assertThat(epcsOf(get("/epcis/queries/" + name + "/events", operator).json())).containsExactly(a);
        assertThat(get("/epcis/queries", null).status()).isEqualTo(401);
    }

    @Test
    void the_query_resources_answer_options() {
        String name = nameQuery(operator, epc());
        send(request("/epcis/queries/" + name, operator).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(lastHeaders.firstValue("Allow")).contains("OPTIONS, GET, DELETE");
        send(request("/epcis/queries", operator).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(lastHeaders.firstValue("Allow")).contains("OPTIONS, GET, POST");
        send(request("/epcis/queries/" + name + "/subscriptions", operator)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(lastHeaders.firstValue("Allow")).contains("OPTIONS, GET, POST");
        send(request("/epcis/queries/" + name + "/events", operator)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(lastHeaders.firstValue("Allow")).contains("OPTIONS, GET");
    }

    private List<String> listedNames(String token) {
        List<String> all = new ArrayList<>();
        String path = "/epcis/queries?perPage=1000";
        Response r = get(path, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        all.addAll(names(r.json()));
        return all;
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(q -> names.add(q.path("name").asString()));
        return names;
    }

    /** The first EPC of each event of a query document, in order. */
    static List<String> epcsOf(JsonNode document) {
        List<String> epcs = new ArrayList<>();
        document.at("/epcisBody/queryResults/resultsBody/eventList").forEach(e -> epcs.add(e.at("/epcList/0").asString()));
        return epcs;
    }
}
