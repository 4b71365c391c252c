package org.reetrace.core.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;
import org.reetrace.core.pedigree.Stage;

/**
 * One exact text per event: the bytes the hash chain signs and idempotency compares. Field by field in a fixed
 * order, one {@code name=value} per line, masses in mg, times in ISO-8601 UTC; changing this breaks every
 * stored chain, so it is versioned by its first line.
 */
public final class CanonicalForm {

    private static final String VERSION = "reetrace-event/1";

    private final StringBuilder text = new StringBuilder(256).append(VERSION).append('\n');

    private CanonicalForm() {
    }

    public static String of(LedgerEvent event) {
        CanonicalForm f = new CanonicalForm();
        f.put("type", event.type().name()).put("id", event.id().value()).put("time", event.time().toString())
                .put("facility", event.facility().value());
        switch (event) {
            case Extract e -> f.put("lot", e.lot().value()).put("form", e.form().name()).put("mass", e.mass().mg())
                    .put("composition", e.composition())
                    .put("location", e.location() == null ? "" : e.location().latitude() + "," + e.location().longitude());
            case Assay e -> f.put("lot", e.lot().value()).put("measured", e.measured())
                    .put("activity", e.activity() == null ? "" : e.activity().stripTrailingZeros().toPlainString());
            case Ship e -> f.put("lot", e.lot().value()).put("destination", e.destination().value());
            case Receive e -> f.put("lot", e.lot().value()).put("receivedMass", e.receivedMass().mg());
            case Transform e -> {
                f.put("process", e.process().name());
                for (int i = 0; i < e.inputs().size(); i++) {
                    Transform.Input in = e.inputs().get(i);
                    f.put("inputs[" + i + "]", in.lot().value() + " " + in.mass().mg());
                }
                for (int i = 0; i < e.outputs().size(); i++) {
                    Transform.Output out = e.outputs().get(i);
                    f.put("outputs[" + i + "]", out.lot().value() + " " + out.form().name() + " " + out.mass().mg()
                            + " " + composition(out.composition()));
                }
                f.put("declaredLoss", e.declaredLoss());
            }
            case Export e -> f.put("lot", e.lot().value()).declaration(e.declaration());
            case Import e -> f.put("lot", e.lot().value()).put("form", e.form().name()).put("mass", e.mass().mg())
                    .put("composition", e.composition()).put("originCountry", e.originCountry().alpha2())
                    .put("supplier", e.supplier()).put("upstreamStages", stages(e.upstreamStages()))
                    .declaration(e.declaration());
            case Dispose e -> f.put("lot", e.lot().value());
            case Adjust e -> f.put("lot", e.lot().value()).put("mass", e.mass().mg())
                    .put("composition", e.composition()).put("reason", e.reason());
            case Reverse e -> f.put("original", e.original().value()).put("reason", e.reason());
        }
        return f.text.toString();
    }

    /** SHA-256 of the canonical form, hex: the identity of an event's content. */
    public static String digest(LedgerEvent event) {
        return sha256Hex(of(event));
    }

    public static String sha256Hex(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private CanonicalForm declaration(CustomsDeclaration d) {
        return put("declaration", d.number()).put("hsCode", d.hsCode()).put("permit", d.permit() == null ? "" : d.permit())
                .put("counterparty", d.counterparty()).put("counterpartyCountry", d.country().alpha2());
    }

    private CanonicalForm put(String name, String value) {
        // values are escaped so that no value can forge a line of its own
        text.append(name).append('=').append(value.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        return this;
    }

    private CanonicalForm put(String name, long value) {
        return put(name, Long.toString(value));
    }

    private CanonicalForm put(String name, Composition c) {
        return put(name, composition(c));
    }

    private static String composition(Composition c) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Element.count(); i++) {
            Element e = Element.byIndex(i);
            long mg = c.get(e);
            if (mg != 0) {
                b.append(b.isEmpty() ? "" : ",").append(e.symbol()).append(':').append(mg);
            }
        }
        return b.toString();
    }

    private static String stages(List<Stage> stages) {
        StringBuilder b = new StringBuilder();
        for (Stage s : stages) {
            b.append(b.isEmpty() ? "" : ",").append(s.kind()).append('@').append(s.country()).append('/')
                    .append(s.technologyCountry());
        }
        return b.toString();
    }
}
