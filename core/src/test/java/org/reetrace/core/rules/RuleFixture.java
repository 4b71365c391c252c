package org.reetrace.core.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.LotStatus;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.pedigree.Origin;
import org.reetrace.core.pedigree.Pedigree;
import org.reetrace.core.pedigree.PedigreeKey;
import org.reetrace.core.pedigree.Stage;
import org.reetrace.core.pedigree.StageKind;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.Area;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.FacilityKind;
import org.reetrace.core.registry.GeoPoint;
import org.reetrace.core.registry.Licence;
import org.reetrace.core.registry.LicenceId;
import org.reetrace.core.registry.LicenceKind;
import org.reetrace.core.registry.Operator;
import org.reetrace.core.registry.OperatorId;
import org.reetrace.core.registry.ProcessTechnology;
import org.reetrace.core.registry.RegisteredFacility;
import org.reetrace.core.registry.RegistryChange;
import org.reetrace.core.registry.RegistrySnapshot;
import org.reetrace.core.registry.Shareholder;
import org.reetrace.core.registry.Shareholding;
import org.reetrace.core.registry.Validity;
import org.reetrace.core.registry.VersionedRegistry;
import org.reetrace.core.registry.Zone;
import org.reetrace.core.registry.ZoneCode;
import org.reetrace.core.registry.ZoneKind;

/**
 * A small Malaysian registry for the rule tests: a state-linked separation company (owned through two holding
 * companies), a private one, both running Chinese separation technology; a leach mine in Perak whose lease
 * borders a forest reserve; a licensed disposal facility and an unlicensed warehouse. Plus lots with known
 * pedigrees: a separated NdPr oxide, a mixed carbonate declared as an oxide, and magnets.
 */
final class RuleFixture {

    static final ZoneId MYT = ZoneId.of("Asia/Kuala_Lumpur");
    static final CountryCode MY = CountryCode.of("MY");
    static final CountryCode CN = CountryCode.of("CN");
    static final CountryCode AU = CountryCode.of("AU");
    static final CountryCode JP = CountryCode.of("JP");

    static final OperatorId HOLDING_A = OperatorId.of("op-holding-a");
    static final OperatorId HOLDING_B = OperatorId.of("op-holding-b");
    static final OperatorId STATE_SEP = OperatorId.of("op-state-sep");
    static final OperatorId PRIVATE_SEP = OperatorId.of("op-private-sep");
    static final OperatorId MINER = OperatorId.of("op-perak-isl");
    static final OperatorId DISPOSER = OperatorId.of("op-pahang-pdf");

    static final FacilityId MINE = FacilityId.of("fac-mine");
    static final FacilityId STATE_PLANT = FacilityId.of("fac-state-sep");
    static final FacilityId PRIVATE_PLANT = FacilityId.of("fac-private-sep");
    static final FacilityId DISPOSAL = FacilityId.of("fac-pdf");
    static final FacilityId WAREHOUSE = FacilityId.of("fac-warehouse");

    /** Inside the lease, outside the forest reserve. */
    static final GeoPoint IN_LEASE = new GeoPoint(5.29, 101.13);
    /** Inside the lease and inside the forest reserve at its north-east corner. */
    static final GeoPoint IN_FOREST = new GeoPoint(5.33, 101.18);
    static final GeoPoint OUTSIDE_LEASE = new GeoPoint(5.50, 101.40);

    static final Mass QUOTA = Mass.ofTonnes(1000);

    static Instant date(int y, int m, int d) {
        return LocalDate.of(y, m, d).atTime(10, 0).atZone(MYT).toInstant();
    }

    static final Instant JUNE_2026 = date(2026, 6, 1);

    static final VersionedRegistry HISTORY = history();
    static final RegistrySnapshot REGISTRY = HISTORY.asOf(JUNE_2026);

    private static VersionedRegistry history() {
        VersionedRegistry r = new VersionedRegistry();
        Instant t0 = date(2020, 1, 1);
        List<RegistryChange> changes = new ArrayList<>();
        changes.add(new RegistryChange.PutOperator(new Operator(HOLDING_A, "Holding A Berhad", MY)));
        changes.add(new RegistryChange.PutOperator(new Operator(HOLDING_B, "Holding B Berhad", MY)));
        changes.add(new RegistryChange.PutOperator(new Operator(STATE_SEP, "Negeri RE Separation Bhd", MY)));
        changes.add(new RegistryChange.PutOperator(new Operator(PRIVATE_SEP, "Private RE Separation Sdn Bhd", MY)));
        changes.add(new RegistryChange.PutOperator(new Operator(MINER, "Perak ISL Mining Sdn Bhd", MY)));
        changes.add(new RegistryChange.PutOperator(new Operator(DISPOSER, "Pahang Disposal Sdn Bhd", MY)));
        Shareholder state = new Shareholder.State(MY, "Minister of Finance Incorporated");
        changes.add(new RegistryChange.SetShareholders(HOLDING_A, List.of(
                new Shareholding(HOLDING_A, state, new BigDecimal("100")))));
        changes.add(new RegistryChange.SetShareholders(HOLDING_B, List.of(
                new Shareholding(HOLDING_B, state, new BigDecimal("60")))));
        // 40 % + 60 % of 25 % = 55 %: state-linked only through both paths together
        changes.add(new RegistryChange.SetShareholders(STATE_SEP, List.of(
                new Shareholding(STATE_SEP, new Shareholder.Company(HOLDING_A), new BigDecimal("40")),
                new Shareholding(STATE_SEP, new Shareholder.Company(HOLDING_B), new BigDecimal("25")))));
        ProcessTechnology cnSeparation = new ProcessTechnology(ProcessKind.SEPARATION, "Sino RE Tech Co", CN, Mass.ofTonnes(5000));
        changes.add(new RegistryChange.PutFacility(RegisteredFacility.of(MINE, MINER, "Kenering ISL block 1",
                FacilityKind.IN_SITU_LEACH_MINE, MY, new GeoPoint(5.30, 101.15),
                List.of(new ProcessTechnology(ProcessKind.LEACHING, "Perak ISL", MY, Mass.ofTonnes(2000))))));
        changes.add(new RegistryChange.PutFacility(RegisteredFacility.of(STATE_PLANT, STATE_SEP, "Gebeng separation",
                FacilityKind.SEPARATION_PLANT, MY, new GeoPoint(3.97, 103.38), List.of(cnSeparation))));
        changes.add(new RegistryChange.PutFacility(RegisteredFacility.of(PRIVATE_PLANT, PRIVATE_SEP, "Private separation",
                FacilityKind.SEPARATION_PLANT, MY, new GeoPoint(3.98, 103.39), List.of(cnSeparation))));
        changes.add(new RegistryChange.PutFacility(RegisteredFacility.of(DISPOSAL, DISPOSER, "Bukit Ketam PDF",
                FacilityKind.DISPOSAL_FACILITY, MY, new GeoPoint(3.90, 103.30), List.of())));
        changes.add(new RegistryChange.PutFacility(RegisteredFacility.of(WAREHOUSE, PRIVATE_SEP, "Kuantan warehouse",
                FacilityKind.WAREHOUSE, MY, new GeoPoint(3.80, 103.32), List.of())));
        Area lease = Area.polygon(List.of(new GeoPoint(5.25, 101.10), new GeoPoint(5.25, 101.20),
                new GeoPoint(5.35, 101.20), new GeoPoint(5.35, 101.10)));
        changes.add(new RegistryChange.PutLicence(Licence.lease(LicenceId.of("ML-PK-2020-07"), MINER, MINE, MY,
                Validity.ofDates(LocalDate.of(2020, 1, 1), LocalDate.of(2030, 1, 1), MYT), lease, QUOTA)));
        Area forest = Area.polygon(List.of(new GeoPoint(5.32, 101.17), new GeoPoint(5.32, 101.25),
                new GeoPoint(5.40, 101.25), new GeoPoint(5.40, 101.17)));
        changes.add(new RegistryChange.PutZone(new Zone(ZoneCode.of("HS-PK-031"), "Hutan Simpan Kekal (test)",
                ZoneKind.PERMANENT_FOREST_RESERVE, forest, Validity.ALWAYS)));
        changes.add(new RegistryChange.PutLicence(Licence.permit(LicenceId.of("AELB-PDF-1"), LicenceKind.RADIOACTIVE_MATERIAL,
                DISPOSER, DISPOSAL, MY, Validity.ofDates(LocalDate.of(2020, 1, 1), null, MYT))));
        changes.add(new RegistryChange.PutLicence(Licence.permit(LicenceId.of("EP-2026-0042"), LicenceKind.EXPORT_PERMIT,
                STATE_SEP, null, MY, Validity.ofDates(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1), MYT))));
        changes.add(new RegistryChange.PutLicence(Licence.permit(LicenceId.of("MOFCOM-DU-2025-118"),
                LicenceKind.DUAL_USE_EXPORT_LICENCE, PRIVATE_SEP, null, CN,
                Validity.ofDates(LocalDate.of(2025, 6, 1), LocalDate.of(2028, 1, 1), MYT))));
        for (RegistryChange c : changes) {
            r.record(c, t0, "registrar@mida", t0);
        }
        return r;
    }

    // ---- lots

    static Stage stage(StageKind kind, CountryCode country, CountryCode tech) {
        return new Stage(kind, country, tech);
    }

    static PedigreeKey path(Origin origin, Stage... stages) {
        return new PedigreeKey(origin, List.of(stages));
    }

    static Composition kg(Object... elementKg) {
        Map<Element, Long> m = new HashMap<>();
        for (int i = 0; i < elementKg.length; i += 2) {
            m.put((Element) elementKg[i], ((Number) elementKg[i + 1]).longValue() * 1_000_000L);
        }
        return Composition.of(m);
    }

    static Lot lot(String id, MaterialForm form, FacilityId at, OperatorId holder, long massKg, Map<PedigreeKey, Composition> parts) {
        Pedigree p = Pedigree.of(parts);
        return new Lot(LotId.of(id), form, Mass.ofKilograms(massKg), p.total(), at, holder, LotStatus.ACTIVE, p, null, null);
    }

    static final Origin PERAK = Origin.mine(MINE.value(), MY);
    static final Origin BAYAN_OBO = Origin.imported("baotou-supplier", CN);
    static final Origin MT_WELD = Origin.imported("mt-weld", AU);

    /** NdPr oxide separated in Malaysia from Perak ore: processed. */
    static Lot ndprOxide(FacilityId at, OperatorId holder) {
        return lot("lot-ndpr-oxide", MaterialForm.SEPARATED_COMPOUND, at, holder, 1000, Map.of(
                path(PERAK, stage(StageKind.MINING, MY, MY), stage(StageKind.CRACKING, MY, AU), stage(StageKind.SEPARATION, MY, CN)),
                kg(Element.Nd, 600, Element.Pr, 200)));
    }

    /** Mixed rare-earth carbonate from the leach mine, declared as an oxide: neither separated nor pure. */
    static Lot carbonateDeclaredAsOxide(FacilityId at, OperatorId holder) {
        return lot("lot-mrec-as-oxide", MaterialForm.SEPARATED_COMPOUND, at, holder, 1000, Map.of(
                path(PERAK, stage(StageKind.MINING, MY, MY), stage(StageKind.CRACKING, MY, MY)),
                kg(Element.Y, 120, Element.La, 90, Element.Ce, 20, Element.Nd, 80, Element.Pr, 20, Element.Dy, 20)));
    }

    /** A NdFeB magnet with China-mined Dy, but separated, melted and made in Malaysia. */
    static Lot magnetWithChinaMinedDy(FacilityId at, OperatorId holder) {
        return lot("lot-magnet-cn-dy", MaterialForm.MAGNET, at, holder, 1000, Map.of(
                path(MT_WELD, stage(StageKind.MINING, AU, AU), stage(StageKind.SEPARATION, MY, AU),
                        stage(StageKind.METAL_MAKING, MY, MY), stage(StageKind.MAGNET_MAKING, MY, JP)),
                kg(Element.Nd, 230, Element.Pr, 75),
                path(BAYAN_OBO, stage(StageKind.MINING, CN, CN), stage(StageKind.SEPARATION, MY, AU),
                        stage(StageKind.METAL_MAKING, MY, MY), stage(StageKind.MAGNET_MAKING, MY, JP)),
                kg(Element.Dy, 10)));
    }

    /** A NdFeB magnet whose alloy was melted in China. */
    static Lot magnetMeltedInChina(FacilityId at, OperatorId holder) {
        return lot("lot-magnet-cn-metal", MaterialForm.MAGNET, at, holder, 1000, Map.of(
                path(MT_WELD, stage(StageKind.MINING, AU, AU), stage(StageKind.SEPARATION, MY, AU),
                        stage(StageKind.METAL_MAKING, CN, CN), stage(StageKind.MAGNET_MAKING, MY, JP)),
                kg(Element.Nd, 230, Element.Pr, 75)));
    }

    /** A magnet of Australian ore processed wholly in Malaysia. */
    static Lot magnetAllMalaysian(FacilityId at, OperatorId holder) {
        return lot("lot-magnet-my", MaterialForm.MAGNET, at, holder, 1000, Map.of(
                path(MT_WELD, stage(StageKind.MINING, AU, AU), stage(StageKind.SEPARATION, MY, AU),
                        stage(StageKind.METAL_MAKING, MY, MY), stage(StageKind.MAGNET_MAKING, MY, JP)),
                kg(Element.Nd, 230, Element.Pr, 75)));
    }

    /** Books with the given lots and the mine's extraction so far this year. */
    static LedgerFacts facts(Mass extractedThisYear, Lot... lots) {
        Map<LotId, Lot> m = new HashMap<>();
        for (Lot l : lots) {
            m.put(l.id(), l);
        }
        return LedgerFacts.of(id -> Optional.ofNullable(m.get(id)), Map.of(MINE, Map.of(2026, extractedThisYear)));
    }

    static final RuleEngine ENGINE = RuleEngine.standard();

    static RuleBook book() {
        return RuleBook.withBundledPacks(ENGINE);
    }

    private RuleFixture() {
    }
}
