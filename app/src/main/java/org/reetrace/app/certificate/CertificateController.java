package org.reetrace.app.certificate;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.reetrace.app.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issuing certificates of origin: for the lot's holder and the regulator. */
@RestController
public class CertificateController {

    private final IssueCertificate issue;
    private final ReadCertificate read;

    public CertificateController(IssueCertificate issue, ReadCertificate read) {
        this.issue = issue;
        this.read = read;
    }

    @Operation(summary = "List a lot's certificates",
            description = "Every certificate issued for the lot, oldest first, with its status (VALID or REVOKED, when and"
                    + " why); for the lot's holder and the regulator.")
    @GetMapping("/api/lots/{id}/certificates")
    public List<ReadCertificate.CertificateView> list(Caller caller,
                                                      @Parameter(description = "The lot's id") @PathVariable String id) {
        return read.ofLot(caller, id);
    }

    @Operation(summary = "Issue a certificate of origin for a lot",
            description = "A UNTP Digital Product Passport (W3C VC 2.0, compact JWS, typ vc+jwt, EdDSA) signed by the"
                    + " regulator's key: the lot's identity; per element, its shares by origin country and by the"
                    + " country and technology country of each processing stage; the rules buyers ask about (Malaysia's"
                    + " processed-export rule, DFARS 252.225-7052 now and from 2027-01-01, the EU CRMA 65 % benchmark,"
                    + " China's export controls) with pack versions and citations; the ledger events behind it by hash;"
                    + " a status list entry. Public at the URL answered (Location). For the lot's holder and the"
                    + " regulator; a void lot has none (409).")
    @PostMapping("/api/lots/{id}/certificates")
    public ResponseEntity<IssueCertificate.Issued> issue(Caller caller,
                                                         @Parameter(description = "The lot's id") @PathVariable String id) {
        IssueCertificate.Issued issued = issue.issue(caller, id);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(issued.url())).body(issued);
    }
}
