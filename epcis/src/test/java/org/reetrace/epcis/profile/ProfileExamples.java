package org.reetrace.epcis.profile;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.Adjust;
import org.reetrace.core.event.Assay;
import org.reetrace.core.event.CustomsDeclaration;
import org.reetrace.core.event.Dispose;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.EventType;
import org.reetrace.core.event.Export;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.Import;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Receive;
import org.reetrace.core.event.Ship;
import org.reetrace.core.event.Transform;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.pedigree.Stage;
import org.reetrace.core.pedigree.StageKind;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.GeoPoint;
import org.reetrace.epcis.document.EpcisHeader;
import org.reetrace.epcis.json.JsonDocumentWriter;

/**
 * One ledger event of each kind, as the example documents in docs/epcis-examples show them. A small
 * Malaysian chain: a mine in Pahang, a cracking plant in Kuantan, an export to Japan, an import from
 * Australia, residue to a disposal facility. Masses are written so that every number is easy to check.
 */
public final class ProfileExamples {
    public static final ZoneOffset MYT = ZoneOffset.ofHours(8);
    static final FacilityId MINE = FacilityId.of("MY-MINE-1");
    static final FacilityId PLANT = FacilityId.of("MY-PLANT-1");
    static final FacilityId DISPOSAL = FacilityId.of("MY-RWDF-1");
    static final LotId ORE = LotId.of("ORE-2026-0001");
    static final LotId MREC = LotId.of("urn:epc:class:lgtin:9555000.012345.MREC-7");
    static final LotId RESIDUE = LotId.of("RES-2026-0901");

    private ProfileExamples() {
    }

    static Instant at(String local) {
        return java.time.LocalDateTime.parse(local).toInstant(MYT);
    }

    /** The examples by file name (without extension), in the order the chain runs. */
    public static Map<String, LedgerEvent> all() {
        Composition ore = Composition.of(Map.of(Element.La, 2_500_000_000L, Element.Ce, 5_000_000_000L,
                Element.Nd, 1_800_000_000L, Element.Pr, 500_000_000L, Element.Th, 90_000_000L));
        Map<String, LedgerEvent> m = new LinkedHashMap<>();
        m.put("extract", new Extract(EventId.of("urn:uuid:7f0c2a4e-0001-4c1a-9a51-000000000001"), at("2026-03-02T08:15:00"),
                MINE, ORE, MaterialForm.ORE, Mass.ofTonnes(100), ore, new GeoPoint(3.8077, 103.326)));
        m.put("assay", new Assay(EventId.of("urn:uuid:7f0c2a4e-0001-4c1a-9a51-000000000002"), at("2026-03-02T14:00:00"),
                MINE, ORE, ore.with(Element.Nd, 1_750_000_000L), new BigDecimal("0.85")));
        m.put("ship", new Ship(EventId.of("urn:uuid:7f0c2a4e-0001-4c1a-9a51-000000000003"), at("2026-03-03T07:00:00"),
                MINE, ORE, PLANT));
        m.put("receive", new Receive(EventId.of("urn:uuid:7f0c2a4e-0001-4c1a-9a51-000000000004"), at("2026-03-03T16:30:00"),
                PLANT, ORE, Mass.ofKilograms(new BigDecimal("99950.5"))));
        Composition mrec = Composition.of(Map.of(Element.La, 2_400_000_000L, Element.Ce, 4_800_000_000L,
                Element.Nd, 1_700_000_000L, Element.Pr, 480_000_000L));
        Composition residue = Composition.of(Map.of(Element.La, 50_000_000L, Element.Ce, 100_000_000L,
                Element.Nd, 30_000_000L, Element.Pr, 10_000_000L, Element.Th, 89_000_000L));
        m.put("transform", new Transform(EventId.of("urn:uuid:7f0c2a4e-0001-4c1a-9a51-000000000005"), at("2026-03-05T10:00:00"),
                PLANT, ProcessKind.CRACKING, List.of(new Transform.Input(ORE, Mass.ofKilograms(new BigDecimal("99950.5")))),
                List.of(new Transform.Output(MREC, MaterialForm.MIXED_RE_COMPOUND, Mass.ofKilograms(18_000), mrec),
                        new Transform.Output(RESIDUE, MaterialForm.RESIDUE, Mass.ofKilograms(80_000), residue)),
                Composition.of(Map.of(Element.Ce, 50_000_000L, Element.La, 10_000_000L))));
        m.put("export", new Export(EventId.of("urn:uuid:7f0c2a4e-0001-4c1a-9a51-000000000006"), at("2026-03-10T09:00:00"),
                PLANT, MREC, new CustomsDeclaration("K2-2026-004711", "2846.90", "AELB-EXP-2026-17",
                        "Tokyo Magnet Works K.K.", CountryCode.of("JP"))));
        m.put("import", new Import(EventId.of("urn:uuid:7f0c2a4e-0001-4c1a-9a51-000000000007"), at("2026-03-11T11:00:00"),
                PLANT, LotId.of("IMP-AU-2026-3"), MaterialForm.CONCENTRATE, Mass.ofTonnes(20),
                Composition.of(Map.of(Element.Nd, 2_000_000_000L, Element.Pr, 600_000_000L, Element.Th, 50_000_000L)),
                CountryCode.of("AU"), "Mount Weld Mining Pty Ltd",
                List.of(new Stage(StageKind.CONCENTRATION, CountryCode.of("AU"), CountryCode.of("AU"))),
                new CustomsDeclaration("K1-2026-000815", "2612.20", null, "Mount Weld Mining Pty Ltd", CountryCode.of("AU"))));
        m.put("dispose", new Dispose(EventId.of("urn:uuid:7f0c2a4e-0001-4c1a-9a51-000000000008"), at("2026-03-12T08:00:00"),
                DISPOSAL, RESIDUE));
        m.put("adjust", new Adjust(EventId.of("urn:uuid:7f0c2a4e-0001-4c1a-9a51-000000000009"), at("2026-03-31T17:00:00"),
                PLANT, LotId.of("IMP-AU-2026-3"), Mass.ofKilograms(19_990),
                Composition.of(Map.of(Element.Nd, 1_999_000_000L, Element.Pr, 600_000_000L, Element.Th, 50_000_000L)),
                "quarter-end stock-take: 10 kg less on the weighbridge"));
        return m;
    }

    public static EventType kindOf(String name) {
        return EventType.valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    /** A JSON-LD document holding the events, with the ree prefix declared in the context. */
    public static String document(List<LedgerEvent> events, Instant created) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonDocumentWriter w = JsonDocumentWriter.open(out,
                EpcisHeader.capture(created, Map.of(RareEarthProfile.PREFIX, RareEarthProfile.NAMESPACE)))) {
            events.forEach(e -> w.write(ProfileWriter.write(e, MYT)));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
