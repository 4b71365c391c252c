package org.reetrace.app.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.reetrace.app.UseCase;
import org.reetrace.app.web.ProblemException;

/**
 * A W3C Bitstring Status List credential, public and signed afresh with each read: bit {@code i} set means the
 * certificate holding entry {@code i} of this list is revoked.
 */
@UseCase
public class ReadStatusList {

    public record StatusListCredential(@JsonProperty("@context") List<String> context, String id, List<String> type,
                                       String issuer, String validFrom, StatusListSubject credentialSubject) {
    }

    public record StatusListSubject(String id, String type, String statusPurpose, String encodedList) {
    }

    private final CertificateStore store;
    private final CredentialSigner signer;
    private final PublicUrls urls;
    private final Clock clock;

    public ReadStatusList(CertificateStore store, CredentialSigner signer, PublicUrls urls, Clock clock) {
        this.store = store;
        this.signer = signer;
        this.urls = urls;
        this.clock = clock;
    }

    /** The list as a compact JWS ({@code application/vc+jwt}). */
    public String read(String list) {
        int n;
        try {
            n = Integer.parseInt(list);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("status list", list);
        }
        if (n < 1 || !store.listExists(n)) {
            throw ProblemException.notFound("status list", list);
        }
        byte[] bits = new byte[CertificateStore.LIST_SIZE / 8];
        for (int index : store.revoked(n)) {
            bits[index / 8] |= (byte) (0x80 >>> (index % 8));
        }
        String url = urls.statusList(n);
        StatusListCredential credential = new StatusListCredential(List.of(Passport.VC_CONTEXT), url,
                List.of("VerifiableCredential", "BitstringStatusListCredential"), urls.did(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
                new StatusListSubject(url + "#list", "BitstringStatusList", "revocation",
                        "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(bits))));
        return signer.sign(credential).jws();
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
