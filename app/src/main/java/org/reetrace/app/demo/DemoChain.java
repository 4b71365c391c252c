package org.reetrace.app.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.Adjust;
import org.reetrace.core.event.Assay;
import org.reetrace.core.event.CustomsDeclaration;
import org.reetrace.core.event.Dispose;
import org.reetrace.core.event.EventId;
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
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.FacilityKind;
import org.reetrace.core.registry.GeoPoint;
import org.reetrace.core.registry.Area;
import org.reetrace.core.registry.Licence;
import org.reetrace.core.registry.LicenceId;
import org.reetrace.core.registry.LicenceKind;
import org.reetrace.core.registry.Operator;
import org.reetrace.core.registry.OperatorId;
import org.reetrace.core.registry.ProcessTechnology;
import org.reetrace.core.registry.RegisteredFacility;
import org.reetrace.core.registry.RegistryChange;
import org.reetrace.core.registry.Shareholder;
import org.reetrace.core.registry.Shareholding;
import org.reetrace.core.registry.TechnologyAgreement;
import org.reetrace.core.registry.TechnologyCategory;
import org.reetrace.core.registry.Validity;
import org.reetrace.core.registry.Zone;
import org.reetrace.core.registry.ZoneCode;
import org.reetrace.core.registry.ZoneKind;

import static org.reetrace.core.element.Element.*;

/**
 * A small Malaysian mine-to-magnet chain, half a year of it: an in-situ leach mine on ion-adsorption clay in
 * Perak, a mine working monazite out of tin tailings (amang), a cracking and separation plant in Kuantan, a
 * metal plant, a magnet maker, a licensed disposal facility for the thorium-bearing residue, an import of
 * Chinese dysprosium oxide and an export of magnets. Names are invented; the chemistry is not:
 * <ul>
 * <li>Monazite uses the per-element REO distribution of Araxá monazite (reference table
 * ree_distribution_by_source.csv; no full Malaysian monazite table was found), Th and U in tin tailings as
 * measured in Perak amang (thorium_uranium_content.csv: raw amang 174-1,566 ppm Th, 83-383 ppm U).</li>
 * <li>The ion-adsorption clay pattern is synthetic: La-dominant and Ce-depleted as the Malaysian sample study
 * in the same table describes, with the Y and heavy share typical of the South China clays.</li>
 * <li>Recoveries are typical plant figures (90 % in gravity concentration, 97 % in cracking, 95-97 % in
 * separation, 98 % in metal making); thorium goes to the cracking residue.</li>
 * </ul>
 * Every output is computed from the inputs, whatever is not recovered is a declared loss or a residue lot, so
 * the books balance to the milligram.
 */
public final class DemoChain {

    public static final CountryCode MY = CountryCode.of("MY");
    public static final CountryCode CN = CountryCode.of("CN");
    public static final CountryCode AU = CountryCode.of("AU");
    public static final CountryCode JP = CountryCode.of("JP");
    public static final CountryCode US = CountryCode.of("US");

    public static final FacilityId ISL_MINE = FacilityId.of("MY-PRK-ISL-01");
    public static final FacilityId AMANG_MINE = FacilityId.of("MY-PRK-AMG-01");
    public static final FacilityId SEPARATION = FacilityId.of("MY-PHG-SEP-01");
    public static final FacilityId METAL = FacilityId.of("MY-MLK-MET-01");
    public static final FacilityId MAGNET = FacilityId.of("MY-JHR-MAG-01");
    public static final FacilityId DISPOSAL = FacilityId.of("MY-PHG-PDF-01");
    /** A privately held plant with Chinese separation technology, outside the chain. */
    public static final FacilityId KEDAH_SEPARATION = FacilityId.of("MY-KDH-SEP-01");

    /** The magnet lot that is exported: its pedigree shows Malaysian and Chinese dysprosium. */
    public static final LotId MAGNETS = LotId.of("MAG-2026-0001");

    private final List<Dated> changes = new ArrayList<>();
    private final List<Facility> facilities = new ArrayList<>();
    private final List<LedgerEvent> events = new ArrayList<>();
    private final Map<LotId, Composition> content = new HashMap<>();
    private final Map<LotId, Mass> masses = new HashMap<>();
    private Instant clock = Instant.parse("2026-01-05T00:00:00Z");

    public static DemoChain build() {
        DemoChain d = new DemoChain();
        d.registry();
        d.chain();
        return d;
    }

    /** The registry changes, in the order they are recorded, each with the instant it takes effect. */
    public List<Dated> registryChanges() {
        return List.copyOf(changes);
    }

    public List<Facility> facilities() {
        return List.copyOf(facilities);
    }

    public List<LedgerEvent> events() {
        return List.copyOf(events);
    }

    /**
     * The registry behind the chain, as a regulator would have recorded it before the first event: ownership up to
     * the Malaysian state, mining leases around the extraction points, a permanent forest reserve reaching into the
     * Kenering lease (the demo's extractions are outside it; docs/examples/extraction-in-forest-reserve.json is not),
     * licences for the radioactive residue and its disposal, export permits, and the Chinese separation technology
     * that the state-linked Gebeng plant uses under an agreement.
     */
    private void registry() {
        // holding companies and investors are registered as operators without facilities
        operator("OP-PAHANG-STATE-DEV", "Perbadanan Kemajuan Negeri Pahang (state development corporation)", MY);
        operator("OP-KHAZANAH", "Khazanah Nasional Berhad", MY);
        operator("OP-PAHANG-RE-HOLD", "Pahang Rare Earth Holdings Berhad", MY);
        operator("OP-KINTA-CLAY", "Kinta Ionic Clay Sdn Bhd", MY);
        operator("OP-AMANG", "Amang Mineral Recovery Sdn Bhd", MY);
        operator("OP-PAHANG-RE", "Pahang Advanced Rare Earths Sdn Bhd", MY);
        operator("OP-MELAKA-MET", "Melaka Rare Earth Metals Sdn Bhd", MY);
        operator("OP-JOHOR-MAG", "Johor Magnet Works Sdn Bhd", MY);
        operator("OP-PAHANG-PDF", "Gebeng Residue Storage Sdn Bhd", MY);
        operator("OP-NIPPON-MET", "Nippon Rare Metals K.K.", JP);
        // a private refiner elsewhere: Chinese separation technology there would be flagged (MY-TECH-CN)
        operator("OP-KEDAH-REFINING", "Kedah Rare Earth Refining Sdn Bhd", MY);
        operator("OP-STRAITS-CAPITAL", "Straits Resources Capital Pte Ltd", CountryCode.of("SG"));

        // Gebeng: 51 % state development corporation -> holding -> 90 % of the plant, and 10 % held by
        // Khazanah (itself wholly held by the Minister of Finance): 0.51 x 0.90 + 1.00 x 0.10 = 55.9 % state-owned
        shareholders("OP-PAHANG-STATE-DEV", state("Pahang State Government (Menteri Besar Incorporated)", "100"));
        shareholders("OP-KHAZANAH", state("Minister of Finance Incorporated", "100"));
        shareholders("OP-PAHANG-RE-HOLD", company("OP-PAHANG-STATE-DEV", "51"), company("OP-STRAITS-CAPITAL", "49"));
        shareholders("OP-PAHANG-RE", company("OP-PAHANG-RE-HOLD", "90"), company("OP-KHAZANAH", "10"));
        // the disposal facility belongs to the plant's holding; the rest are private
        shareholders("OP-PAHANG-PDF", company("OP-PAHANG-RE-HOLD", "100"));
        shareholders("OP-MELAKA-MET", company("OP-NIPPON-MET", "60"));
        shareholders("OP-KEDAH-REFINING", company("OP-STRAITS-CAPITAL", "80"));
        // Perak's state government holds a minority of the clay miner: not enough to make it state-linked
        shareholders("OP-KINTA-CLAY", state("Perak State Government (Menteri Besar Incorporated)", "30"));

        facility(ISL_MINE, "OP-KINTA-CLAY", "Kenering in-situ leach field", FacilityKind.IN_SITU_LEACH_MINE,
                new GeoPoint(5.248, 101.121), tech(ProcessKind.LEACHING, "Kinta Ionic Clay Sdn Bhd", MY, 300_000));
        facility(AMANG_MINE, "OP-AMANG", "Kinta valley amang retreatment", FacilityKind.MINE,
                new GeoPoint(4.552, 101.082), tech(ProcessKind.CONCENTRATION, "Amang Mineral Recovery Sdn Bhd", MY, 60_000));
        facility(SEPARATION, "OP-PAHANG-RE", "Gebeng cracking and separation plant", FacilityKind.SEPARATION_PLANT,
                new GeoPoint(3.972, 103.385),
                tech(ProcessKind.CRACKING, "Outback Rare Earth Technology Pty Ltd", AU, 25_000),
                tech(ProcessKind.SEPARATION, "Ganzhou Rare Earth Separation Technology Co., Ltd.", CN, 15_000));
        facility(METAL, "OP-MELAKA-MET", "Melaka metal and alloy plant", FacilityKind.METAL_PLANT,
                new GeoPoint(2.262, 102.252), tech(ProcessKind.METAL_MAKING, "Nippon Rare Metals K.K.", JP, 3_000));
        facility(MAGNET, "OP-JOHOR-MAG", "Pasir Gudang sintered magnet plant", FacilityKind.MAGNET_PLANT,
                new GeoPoint(1.472, 103.903), tech(ProcessKind.MAGNET_MAKING, "Nippon Rare Metals K.K.", JP, 5_000));
        facility(DISPOSAL, "OP-PAHANG-PDF", "Bukit Ketam permanent disposal facility", FacilityKind.DISPOSAL_FACILITY,
                new GeoPoint(3.993, 103.356));
        facility(KEDAH_SEPARATION, "OP-KEDAH-REFINING", "Gurun separation plant", FacilityKind.SEPARATION_PLANT,
                new GeoPoint(5.812, 100.474),
                tech(ProcessKind.SEPARATION, "Baotou Rare Earth Process Engineering Co., Ltd.", CN, 5_000));

        Validity leaseTerm = dates("2024-01-01", "2034-01-01");
        // the Kenering lease reaches 1 km into the forest reserve gazetted north of it: the reserve wins there
        licence(Licence.lease(LicenceId.of("ML-PRK-2024-0117"), OperatorId.of("OP-KINTA-CLAY"), ISL_MINE, MY, leaseTerm,
                Area.polygon(List.of(new GeoPoint(5.230, 101.100), new GeoPoint(5.230, 101.140),
                        new GeoPoint(5.275, 101.140), new GeoPoint(5.275, 101.100))), Mass.ofTonnes(250_000)));
        licence(Licence.lease(LicenceId.of("ML-PRK-2023-0042"), OperatorId.of("OP-AMANG"), AMANG_MINE, MY,
                dates("2023-07-01", "2033-07-01"),
                Area.polygon(List.of(new GeoPoint(4.535, 101.068), new GeoPoint(4.537, 101.101),
                        new GeoPoint(4.566, 101.099), new GeoPoint(4.563, 101.071))), Mass.ofTonnes(20_000)));
        licence(permit("AELB-PRC-2024-0311", LicenceKind.PROCESSING, "OP-PAHANG-RE", SEPARATION, "2024-01-01", "2027-01-01"));
        licence(permit("AELB-RAD-2024-0312", LicenceKind.RADIOACTIVE_MATERIAL, "OP-PAHANG-RE", SEPARATION,
                "2024-01-01", "2027-01-01"));
        licence(permit("AELB-DSP-2023-0007", LicenceKind.RADIOACTIVE_MATERIAL, "OP-PAHANG-PDF", DISPOSAL,
                "2023-07-01", "2033-07-01"));
        licence(permit("EXP-MY-2026-0093", LicenceKind.EXPORT_PERMIT, "OP-JOHOR-MAG", null, "2026-01-01", "2027-01-01"));
        licence(permit("EXP-MY-2026-0077", LicenceKind.EXPORT_PERMIT, "OP-PAHANG-RE", null, "2026-01-01", "2027-01-01"));
        // the amang miner exports tin and zircon concentrates: a real permit, but not for raw rare earths
        licence(permit("EXP-MY-2026-0101", LicenceKind.EXPORT_PERMIT, "OP-AMANG", null, "2026-01-01", "2027-01-01"));
        // the magnets carry Chinese dysprosium: their re-export needs China's dual-use licence (CN-EXP-18)
        licence(new Licence(LicenceId.of("MOFCOM-DU-2026-118204"), LicenceKind.DUAL_USE_EXPORT_LICENCE,
                OperatorId.of("OP-JOHOR-MAG"), null, CN, dates("2026-02-01", "2027-02-01"), null, null));

        changes.add(new Dated(new RegistryChange.PutZone(new Zone(ZoneCode.of("HSK-PRK-0231"),
                "Hutan Simpan Kekal Kenering (permanent forest reserve, compartment 231)",
                ZoneKind.PERMANENT_FOREST_RESERVE,
                Area.polygon(List.of(new GeoPoint(5.266, 101.095), new GeoPoint(5.266, 101.165),
                        new GeoPoint(5.310, 101.165), new GeoPoint(5.310, 101.095))),
                dates("1992-06-01", null))), Instant.parse("1992-05-31T16:00:00Z")));

        agreement(new TechnologyAgreement("TA-CN-MY-2025-003", "Ganzhou Rare Earth Separation Technology Co., Ltd.", CN,
                TechnologyCategory.SEPARATION, OperatorId.of("OP-PAHANG-RE"), dates("2025-06-01", "2035-06-01"),
                "Solvent-extraction separation know-how for use at the recipient's Gebeng plant only; the recipient "
                        + "stays state-linked; no transfer to third parties"));
        agreement(new TechnologyAgreement("TA-CN-MY-2025-009", "Baotou Rare Earth Process Engineering Co., Ltd.", CN,
                TechnologyCategory.SEPARATION, OperatorId.of("OP-KEDAH-REFINING"), dates("2025-09-01", "2030-09-01"),
                "Signed without the approval the catalogue requires; the recipient is privately held"));
    }

    /** A registry change and the instant it takes effect. */
    public record Dated(RegistryChange change, Instant effective) {
    }

    /** Operators and holdings are on record from 2023-01-01 (Malaysian time), facilities from 2023-07-01. */
    private void operator(String id, String name, CountryCode country) {
        changes.add(new Dated(new RegistryChange.PutOperator(new Operator(OperatorId.of(id), name, country)),
                Instant.parse("2022-12-31T16:00:00Z")));
    }

    /** One line of a share register: who holds what percentage. */
    private record Holding(Shareholder holder, String percent) {
    }

    private void shareholders(String company, Holding... holdings) {
        List<Shareholding> list = new ArrayList<>();
        for (Holding h : holdings) {
            list.add(new Shareholding(OperatorId.of(company), h.holder(), new BigDecimal(h.percent())));
        }
        changes.add(new Dated(new RegistryChange.SetShareholders(OperatorId.of(company), list),
                Instant.parse("2023-01-01T16:00:00Z")));
    }

    private static Holding state(String body, String percent) {
        return new Holding(new Shareholder.State(MY, body), percent);
    }

    private static Holding company(String id, String percent) {
        return new Holding(new Shareholder.Company(OperatorId.of(id)), percent);
    }

    private static ProcessTechnology tech(ProcessKind process, String licensor, CountryCode country, long tonnesPerYear) {
        return new ProcessTechnology(process, licensor, country, Mass.ofTonnes(tonnesPerYear));
    }

    private void facility(FacilityId id, String operator, String name, FacilityKind kind, GeoPoint at,
                          ProcessTechnology... processes) {
        RegisteredFacility f = RegisteredFacility.of(id, OperatorId.of(operator), name, kind, MY, at, List.of(processes));
        facilities.add(f.facility());
        changes.add(new Dated(new RegistryChange.PutFacility(f), Instant.parse("2023-06-30T16:00:00Z")));
    }

    private void licence(Licence l) {
        changes.add(new Dated(new RegistryChange.PutLicence(l), l.validity().from()));
    }

    private static Licence permit(String id, LicenceKind kind, String holder, FacilityId site, String from, String until) {
        return Licence.permit(LicenceId.of(id), kind, OperatorId.of(holder), site, MY, dates(from, until));
    }

    private void agreement(TechnologyAgreement a) {
        changes.add(new Dated(new RegistryChange.PutAgreement(a), a.validity().from()));
    }

    /** Dates as licences and gazettes write them, read in Malaysia. */
    private static Validity dates(String from, String until) {
        return Validity.ofDates(LocalDate.parse(from), until == null ? null : LocalDate.parse(until),
                ZoneId.of("Asia/Kuala_Lumpur"));
    }

    private void chain() {
        // In-situ leach: 1,000 t of pregnant liquor at 0.08 % TREO, precipitated at the mine as mixed carbonate.
        LotId liquor = LotId.of("ISL-2026-0001");
        extract(ISL_MINE, liquor, MaterialForm.ORE, Mass.ofTonnes(1_000),
                treoPercent(Mass.ofTonnes(1_000), ionClay(), new BigDecimal("0.08")),
                new GeoPoint(5.251, 101.118));
        LotId carbonate = LotId.of("MREC-2026-0001");
        transform(ISL_MINE, ProcessKind.LEACHING, List.of(whole(liquor)),
                List.of(output(carbonate, MaterialForm.MIXED_RE_COMPOUND, part(liquor, e -> 0.97), 0.45)),
                LotId.of("ISL-TAIL-2026-0001"), Mass.ofTonnes(998), e -> 0.005);

        // Amang: 500 t of tin tailings at 1.1 % TREO (about 2 % monazite), 0.09 % ThO2, 0.012 % U3O8.
        LotId amang = LotId.of("AMG-2026-0001");
        Composition amangContent = treoPercent(Mass.ofTonnes(500), monazite(), new BigDecimal("1.1"))
                .plus(Composition.fromOxidePercent(Mass.ofTonnes(500), Map.of(Th, new BigDecimal("0.09"),
                        U, new BigDecimal("0.012"))));
        extract(AMANG_MINE, amang, MaterialForm.ORE, Mass.ofTonnes(500), amangContent, new GeoPoint(4.549, 101.085));
        LotId monazite = LotId.of("MNZ-2026-0001");
        transform(AMANG_MINE, ProcessKind.CONCENTRATION, List.of(whole(amang)),
                List.of(output(monazite, MaterialForm.CONCENTRATE, part(amang, e -> e == Th ? 0.88 : e == U ? 0.85 : 0.90), 0.55)),
                LotId.of("AMG-TAIL-2026-0001"), Mass.ofKilograms(490_000), e -> 0.004);

        ship(AMANG_MINE, monazite, SEPARATION);
        receive(SEPARATION, monazite);
        ship(ISL_MINE, carbonate, SEPARATION);
        receive(SEPARATION, carbonate);

        // Cracking: thorium and uranium go to the residue with 2.5 % of the rare earths.
        LotId chloride = LotId.of("MREC-2026-0002");
        LotId residue = LotId.of("RES-2026-0001");
        transform(SEPARATION, ProcessKind.CRACKING, List.of(whole(monazite)),
                List.of(output(chloride, MaterialForm.MIXED_RE_COMPOUND,
                        part(monazite, e -> e.isRareEarth() ? 0.97 : 0.0), 0.42)),
                residue, Mass.ofTonnes(60), e -> e.isRareEarth() ? 0.005 : 0.01);
        assay(SEPARATION, residue, activity(residue));

        // Separation of both feeds into NdPr oxide, La-Ce oxide and a heavy (SEG-HRE) oxide.
        LotId ndpr = LotId.of("NDPR-2026-0001");
        LotId lace = LotId.of("LACE-2026-0001");
        LotId heavy = LotId.of("HRE-2026-0001");
        Composition feed = content.get(chloride).plus(content.get(carbonate));
        transform(SEPARATION, ProcessKind.SEPARATION, List.of(whole(chloride), whole(carbonate)),
                List.of(oxide(ndpr, share(feed, e -> e == Pr || e == Nd ? 0.96 : 0.0)),
                        oxide(lace, share(feed, e -> e == La || e == Ce ? 0.97 : 0.0)),
                        oxide(heavy, share(feed, e -> e.isHeavy() || e == Sm ? 0.95 : 0.0))),
                null, null, e -> 0.02);

        ship(SEPARATION, residue, DISPOSAL);
        receive(DISPOSAL, residue);
        dispose(DISPOSAL, residue);

        // Stock-take at the separation plant finds the La-Ce oxide 0.2 % light.
        adjust(SEPARATION, lace, 0.998, "quarterly stock-take: bag weights");

        // Dysprosium for high-coercivity magnets: Malaysian heavy oxide and imported Chinese Dy oxide.
        ship(SEPARATION, ndpr, METAL);
        receive(METAL, ndpr);
        ship(SEPARATION, heavy, METAL);
        receive(METAL, heavy);
        LotId dyImport = LotId.of("DYO-CN-2026-0001");
        Mass dyOxide = Mass.ofKilograms(20);
        importLot(METAL, dyImport, dyOxide, Composition.fromOxidePercent(dyOxide, Map.of(Dy, new BigDecimal("99.5"))));
        LotId alloy = LotId.of("ALLOY-2026-0001");
        Composition alloyContent = share(content.get(ndpr), e -> 0.98)
                .plus(share(content.get(heavy), e -> e == Dy || e == Tb ? 0.98 : 0.0))
                .plus(share(content.get(dyImport), e -> 0.98));
        transform(METAL, ProcessKind.METAL_MAKING, List.of(whole(ndpr), whole(heavy), whole(dyImport)),
                List.of(new Transform.Output(alloy, MaterialForm.METAL_OR_ALLOY,
                        Mass.ofMilligrams(alloyContent.totalMg() * 1000 / 995), alloyContent)),
                LotId.of("MET-SLAG-2026-0001"), Mass.ofTonnes(2), e -> 0.01);

        ship(METAL, alloy, MAGNET);
        receive(MAGNET, alloy);
        // Sintered NdFeB is about 31 % rare earth by mass; the rest is iron and boron, not booked.
        Composition magnetContent = share(content.get(alloy), e -> 0.99);
        transform(MAGNET, ProcessKind.MAGNET_MAKING, List.of(whole(alloy)),
                List.of(new Transform.Output(MAGNETS, MaterialForm.MAGNET,
                        Mass.ofMilligrams(magnetContent.totalMg() * 100 / 31), magnetContent)),
                null, null, e -> 0.01);
        export(MAGNET, MAGNETS, new CustomsDeclaration("K2-2026-004711", "8505.11", "EXP-MY-2026-0093",
                "Great Lakes Motors Inc.", US));
    }

    private EventId nextId() {
        return EventId.of(String.format("demo-%03d", events.size() + 1));
    }

    private Instant nextTime() {
        clock = clock.plusSeconds(4 * 86_400 + 3_600);
        return clock;
    }

    private void extract(FacilityId at, LotId lot, MaterialForm form, Mass mass, Composition c, GeoPoint where) {
        events.add(new Extract(nextId(), nextTime(), at, lot, form, mass, c, where));
        content.put(lot, c);
        masses.put(lot, mass);
    }

    private Transform.Input whole(LotId lot) {
        return new Transform.Input(lot, masses.get(lot));
    }

    /** A product whose mass is its element content at the given element share (e.g. 0.45 for a carbonate). */
    private static Transform.Output output(LotId lot, MaterialForm form, Composition c, double elementShare) {
        return new Transform.Output(lot, form, Mass.ofMilligrams(Math.round(c.totalMg() / elementShare)), c);
    }

    /** A separated oxide at 99.5 % purity: its mass is the oxide equivalent of its elements. */
    private static Transform.Output oxide(LotId lot, Composition c) {
        return new Transform.Output(lot, MaterialForm.SEPARATED_COMPOUND,
                Mass.ofMilligrams(c.treoMg() * 1000 / 995), c);
    }

    /**
     * Books a transformation whose outputs are given, declares {@code loss} of each element's input as lost and
     * puts whatever else remains into a residue lot (when {@code residue} is named), so nothing is unexplained.
     */
    private void transform(FacilityId at, ProcessKind process, List<Transform.Input> inputs,
                           List<Transform.Output> products, LotId residue, Mass residueMass,
                           ToDoubleFunction<Element> loss) {
        Composition in = Composition.ZERO;
        for (Transform.Input input : inputs) {
            in = in.plus(content.get(input.lot()));
        }
        Composition out = Composition.ZERO;
        for (Transform.Output o : products) {
            out = out.plus(o.composition());
        }
        Composition declaredLoss = share(in.minus(out), loss);
        List<Transform.Output> outputs = new ArrayList<>(products);
        if (residue != null) {
            outputs.add(new Transform.Output(residue, MaterialForm.RESIDUE, residueMass, in.minus(out).minus(declaredLoss)));
        } else {
            declaredLoss = in.minus(out);
        }
        events.add(new Transform(nextId(), nextTime(), at, process, inputs, outputs, declaredLoss));
        for (Transform.Output o : outputs) {
            content.put(o.lot(), o.composition());
            masses.put(o.lot(), o.mass());
        }
    }

    private void ship(FacilityId from, LotId lot, FacilityId to) {
        events.add(new Ship(nextId(), nextTime(), from, lot, to));
    }

    private void receive(FacilityId at, LotId lot) {
        events.add(new Receive(nextId(), nextTime(), at, lot, masses.get(lot)));
    }

    private void assay(FacilityId at, LotId lot, BigDecimal activity) {
        events.add(new Assay(nextId(), nextTime(), at, lot, content.get(lot), activity));
    }

    private void dispose(FacilityId at, LotId lot) {
        events.add(new Dispose(nextId(), nextTime(), at, lot));
    }

    private void adjust(FacilityId at, LotId lot, double factor, String reason) {
        Mass mass = Mass.ofMilligrams(Math.round(masses.get(lot).mg() * factor));
        Composition c = content.get(lot).share(mass.mg(), masses.get(lot).mg());
        events.add(new Adjust(nextId(), nextTime(), at, lot, mass, c, reason));
        content.put(lot, c);
        masses.put(lot, mass);
    }

    private void importLot(FacilityId at, LotId lot, Mass mass, Composition c) {
        events.add(new Import(nextId(), nextTime(), at, lot, MaterialForm.SEPARATED_COMPOUND, mass, c, CN,
                "Ganzhou Heavy Rare Earth Trading Co.",
                List.of(new Stage(StageKind.SEPARATION, CN, CN)),
                new CustomsDeclaration("K1-2026-001207", "2846.90", null, "Ganzhou Heavy Rare Earth Trading Co.", CN)));
        content.put(lot, c);
        masses.put(lot, mass);
    }

    private void export(FacilityId at, LotId lot, CustomsDeclaration declaration) {
        events.add(new Export(nextId(), nextTime(), at, lot, declaration));
    }

    private Composition part(LotId lot, ToDoubleFunction<Element> fraction) {
        return share(content.get(lot), fraction);
    }

    /** Each element's mass times its fraction, rounded down so that a part never exceeds the whole. */
    private static Composition share(Composition c, ToDoubleFunction<Element> fraction) {
        Map<Element, Long> m = new EnumMap<>(Element.class);
        for (Element e : Element.values()) {
            m.put(e, (long) Math.floor(c.get(e) * fraction.applyAsDouble(e)));
        }
        return Composition.of(m);
    }

    /**
     * Specific activity of the parents alone, Th-232 (4.07 Bq per mg of Th) and U-238 (12.4 Bq per mg of U),
     * in Bq/g of the lot: what the residue is licensed against (over 1 Bq/g is radioactive waste).
     */
    private BigDecimal activity(LotId lot) {
        Composition c = content.get(lot);
        double bq = c.get(Th) * 4.07 + c.get(U) * 12.4;
        return BigDecimal.valueOf(bq / (masses.get(lot).mg() / 1000.0)).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Percent of TREO per element (a distribution) scaled to a TREO grade: percent of each oxide in the lot. */
    private static Map<Element, BigDecimal> treoPercentMap(Map<Element, String> distribution, BigDecimal grade) {
        Map<Element, BigDecimal> m = new EnumMap<>(Element.class);
        distribution.forEach((e, pct) -> m.put(e, new BigDecimal(pct).multiply(grade).movePointLeft(2)));
        return m;
    }

    private static Composition treoPercent(Mass lot, Map<Element, String> distribution, BigDecimal grade) {
        return Composition.fromOxidePercent(lot, treoPercentMap(distribution, grade));
    }

    /** Araxá monazite, percent of TREO (reference table ree_distribution_by_source.csv). */
    private static Map<Element, String> monazite() {
        Map<Element, String> m = new EnumMap<>(Element.class);
        m.putAll(Map.of(La, "23.50", Ce, "49.20", Pr, "4.16", Nd, "16.37", Sm, "2.49", Eu, "0.45", Gd, "1.28",
                Tb, "0.20", Dy, "0.35", Er, "0.15"));
        m.putAll(Map.of(Tm, "0.13", Yb, "0.06", Lu, "0.05", Y, "1.24", Sc, "0.36"));
        return m;
    }

    /** Synthetic Malaysian-like ion-adsorption clay, percent of TREO (see the class comment). */
    private static Map<Element, String> ionClay() {
        Map<Element, String> m = new EnumMap<>(Element.class);
        m.putAll(Map.of(La, "30.0", Ce, "3.0", Pr, "6.0", Nd, "22.0", Sm, "4.0", Eu, "0.7", Gd, "4.5",
                Tb, "0.7", Dy, "4.0", Ho, "0.8"));
        m.putAll(Map.of(Er, "2.3", Tm, "0.3", Yb, "1.9", Lu, "0.3", Y, "19.2"));
        return m;
    }
}
