package org.reetrace.app.certificate;

import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.reetrace.app.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a buyer's compliance team asks a supplier for, in the formats it already reads. */
@RestController
public class SupplyController {

    private final ReportSmelters smelters;

    public SupplyController(ReportSmelters smelters) {
        this.smelters = smelters;
    }

    @Operation(summary = "The RMI smelter list of a supply",
            description = "For a supply of several lots, the rows of the smelter list of the RMI Minerals Reporting"
                    + " Templates (rare earth elements are in the Additional Minerals Reporting Template) as CSV with"
                    + " the template's columns: one row per cracking, separation or metal plant the material passed, or"
                    + " per processing country abroad, with the mines it drew on (named to the regulator, customs,"
                    + " auditors and the mine's operator; to others by country). For the lots' holder and readers of"
                    + " every lot.",
            responses = @ApiResponse(responseCode = "200", description = "The rows, with a header line",
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    @GetMapping(value = "/api/supply/rmi-smelters", produces = "text/csv")
    public ResponseEntity<String> rmi(Caller caller,
                                      @Parameter(description = "A lot of the supply; repeat for each")
                                      @RequestParam(name = "lot", required = false) List<String> lots) {
        ReportSmelters.SmelterReport report = smelters.report(caller, lots == null ? List.of() : lots);
        StringBuilder csv = new StringBuilder(line(ReportSmelters.COLUMNS));
        report.rows().forEach(r -> csv.append(line(r.cells())));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).body(csv.toString());
    }

    /** One CSV line (RFC 4180): a field with a comma, quote or line break is quoted. */
    static String line(List<String> fields) {
        return fields.stream().map(f -> f.matches("(?s).*[\",\r\n].*") ? "\"" + f.replace("\"", "\"\"") + "\"" : f)
                .collect(Collectors.joining(",")) + "\r\n";
    }
}
