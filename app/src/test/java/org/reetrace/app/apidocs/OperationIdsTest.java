package org.reetrace.app.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationIdsTest {

    @Test
    void a_name_used_once_loses_springdocs_number() {
        Paths paths = new Paths().addPathItem("/api/lots/{id}", new PathItem().get(operation("lot_1", "Lots")));

        OperationIds.makeStable(paths);

        assertThat(paths.get("/api/lots/{id}").getGet().getOperationId()).isEqualTo("lot");
    }

    @Test
    void names_used_twice_are_told_apart_by_tag_whatever_order_springdoc_numbered_them_in() {
        for (List<String> numbering : List.of(List.of("list", "list_1"), List.of("list_1", "list"))) {
            Paths paths = new Paths()
                    .addPathItem("/api/alerts", new PathItem().get(operation(numbering.get(0), "Alerts")))
                    .addPathItem("/api/tokens", new PathItem().get(operation(numbering.get(1), "Tokens")));

            OperationIds.makeStable(paths);

            assertThat(paths.get("/api/alerts").getGet().getOperationId()).isEqualTo("listAlerts");
            assertThat(paths.get("/api/tokens").getGet().getOperationId()).isEqualTo("listTokens");
        }
    }

    @Test
    void names_used_twice_under_one_tag_are_told_apart_by_path() {
        Paths paths = new Paths()
                .addPathItem("/epcis/epcs/{epc}", new PathItem().options(operation("discover_4", "EPCIS")))
                .addPathItem("/epcis", new PathItem().options(operation("discover", "EPCIS")));

        OperationIds.makeStable(paths);

        assertThat(paths.get("/epcis/epcs/{epc}").getOptions().getOperationId()).isEqualTo("discoverEpcisEpcsEpc");
        assertThat(paths.get("/epcis").getOptions().getOperationId()).isEqualTo("discoverEpcis");
    }

    private static Operation operation(String id, String tag) {
        return new Operation().operationId(id).tags(List.of(tag));
    }
}
