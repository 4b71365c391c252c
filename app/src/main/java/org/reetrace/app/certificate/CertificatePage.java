package org.reetrace.app.certificate;

import java.util.stream.Collectors;

import io.nayuki.qrcodegen.QrCode;

/**
 * The printable page of a certificate: what it says in plain words, its status, and a QR code of its public URL,
 * which a buyer scans from paper to reach the signed original.
 */
public final class CertificatePage {

    private CertificatePage() {
    }

    /** The QR code of {@code text} as an SVG image, four modules of quiet zone around it. */
    public static String qrSvg(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int border = 4;
        int size = qr.size + 2 * border;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + size + " " + size
                + "\" width=\"" + size * 4 + "\" height=\"" + size * 4 + "\" stroke=\"none\" role=\"img\" aria-label=\""
                + escape(text) + "\"><rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/><path d=\"" + path
                + "\" fill=\"#000000\"/></svg>";
    }

    public static String html(ReadCertificate.CertificateView view) {
        Passport.Credential c = view.credential();
        Passport.Subject s = c.credentialSubject();
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Certificate of origin ")
                .append(escape(view.lot())).append("</title><style>body{font-family:sans-serif;max-width:52em;margin:2em auto}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .5em;text-align:left}"
                        + ".revoked{color:#b00;font-weight:bold}.qr{float:right}</style></head><body>\n");
        b.append("<div class=\"qr\">").append(qrSvg(view.url())).append("</div>\n");
        b.append("<h1>Certificate of origin</h1>\n<p>").append(escape(s.product().name())).append(": ")
                .append(escape(s.product().description())).append(". Held by ")
                .append(escape(s.product().producedByParty().name())).append(".</p>\n");
        b.append("<p>Issued ").append(escape(view.issuedAt())).append(" by ").append(escape(c.issuer().name()))
                .append(" (").append(escape(c.issuer().id())).append(", key ").append(escape(view.keyId())).append(").</p>\n");
        b.append(view.status().equals("VALID") ? "<p>Status: valid.</p>\n" : "<p class=\"revoked\">Status: REVOKED "
                + escape(view.revokedAt()) + ": " + escape(view.revocationReason()) + "</p>\n");
        b.append("<h2>Where the elements came from</h2>\n<table><tr><th>Element</th><th>Mass (kg)</th>"
                + "<th>Origin countries (% of the element)</th><th>Processing: stage, country, technology from (%)</th></tr>\n");
        for (Passport.ElementProvenance e : s.elementProvenance()) {
            b.append("<tr><td>").append(escape(e.name())).append(" (").append(e.symbol()).append(")</td><td>")
                    .append(e.massKg().toPlainString()).append("</td><td>")
                    .append(e.origins().stream().map(o -> o.country() + " " + o.sharePercent().toPlainString())
                            .collect(Collectors.joining(", ")))
                    .append("</td><td>")
                    .append(e.stages().stream().map(st -> escape(st.stage().toLowerCase().replace('_', ' ')) + " "
                            + st.country() + " (" + st.technologyCountry() + ") " + st.sharePercent().toPlainString())
                            .collect(Collectors.joining("<br>")))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Rules</h2>\n<table><tr><th>Rule</th><th>Assessed at</th><th>Outcome</th>"
                + "<th>Citation</th></tr>\n");
        for (Passport.Claim claim : s.conformityClaim()) {
            b.append("<tr><td>").append(escape(claim.ruleId())).append(" (").append(escape(claim.pack())).append(' ')
                    .append(escape(claim.packVersion())).append(")</td><td>").append(escape(claim.assessmentDate()))
                    .append("</td><td>").append(escape(claim.outcome())).append("</td><td>")
                    .append(escape(claim.referenceRegulation().name())).append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Check it yourself</h2>\n<p>The signed original: <a href=\"").append(escape(view.url()))
                .append("\">").append(escape(view.url())).append("</a> (ask for <code>application/vc+jwt</code>). ")
                .append("The lot's own ").append(s.ledgerEvents().size()).append(" ledger events are in it, the last")
                .append(" with its proof in the transparency log; the events of its whole trace are listed at <a href=\"")
                .append(escape(view.url())).append("/events\">events</a>; the issuer's keys at its DID document.</p>\n")
                .append("<p><code>reetrace certificate verify FILE</code> checks it, or any JOSE library with the key.</p>\n")
                .append("</body></html>\n");
        return b.toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
