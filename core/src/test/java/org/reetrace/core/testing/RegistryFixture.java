package org.reetrace.core.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.FacilityKind;
import org.reetrace.core.registry.GeoPoint;
import org.reetrace.core.registry.Operator;
import org.reetrace.core.registry.OperatorId;
import org.reetrace.core.registry.Registry;

/**
 * An in-memory {@link Registry} with a small, realistic Malaysian mine-to-magnet chain: an in-situ leach mine and
 * a monazite-from-tin-tailings (amang) mine in Perak, a concentrator, a cracking plant run by an Australian-owned
 * operator, a separation plant of a state-linked Malaysian company using Chinese separation technology (the
 * arrangement China offers only to government-linked companies), a metal plant, a magnet plant of a Chinese
 * joint venture, a permanent disposal facility and the port of Kuantan. Names and ids are made up; places are
 * real districts. Immutable and shared: use {@link #REGISTRY}.
 */
public final class RegistryFixture implements Registry {

    public static final CountryCode MY = CountryCode.of("MY");
    public static final CountryCode CN = CountryCode.of("CN");
    public static final CountryCode AU = CountryCode.of("AU");

    public static final OperatorId PERAK_ISL = OperatorId.of("op-perak-isl");
    public static final OperatorId KINTA_AMANG = OperatorId.of("op-kinta-amang");
    public static final OperatorId GEBENG_AU = OperatorId.of("op-gebeng-au");
    public static final OperatorId NEGERI_SEPARATION = OperatorId.of("op-negeri-sep");
    public static final OperatorId KUANTAN_METALS = OperatorId.of("op-kuantan-metals");
    public static final OperatorId SINO_MAGNET = OperatorId.of("op-sino-magnet-jv");
    public static final OperatorId PAHANG_DISPOSAL = OperatorId.of("op-pahang-disposal");
    public static final OperatorId KUANTAN_PORT = OperatorId.of("op-kuantan-port");

    /** In-situ leach mine for ion-adsorption clay (Kenering-type, Perak); the liquor is booked as ORE. */
    public static final FacilityId ISL_MINE = FacilityId.of("fac-my-pk-isl-01");
    /** Monazite recovered from tin tailings (amang) in the Kinta valley. */
    public static final FacilityId AMANG_MINE = FacilityId.of("fac-my-pk-amang-01");
    public static final FacilityId CONCENTRATOR = FacilityId.of("fac-my-pk-conc-01");
    public static final FacilityId CRACKING_PLANT = FacilityId.of("fac-my-ph-crack-01");
    public static final FacilityId SEPARATION_PLANT = FacilityId.of("fac-my-ph-sep-01");
    public static final FacilityId METAL_PLANT = FacilityId.of("fac-my-ph-metal-01");
    public static final FacilityId MAGNET_PLANT = FacilityId.of("fac-my-ph-magnet-01");
    public static final FacilityId DISPOSAL = FacilityId.of("fac-my-ph-pdf-01");
    public static final FacilityId PORT = FacilityId.of("fac-my-ph-port-kuantan");

    /** Not in the registry: for refusals. */
    public static final FacilityId UNREGISTERED = FacilityId.of("fac-xx-unregistered");

    public static final RegistryFixture REGISTRY = new RegistryFixture();

    private final Map<OperatorId, Operator> operators = new LinkedHashMap<>();
    private final Map<FacilityId, Facility> facilities = new LinkedHashMap<>();

    private RegistryFixture() {
        operator(PERAK_ISL, "Perak ISL Mining Sdn Bhd", MY);
        operator(KINTA_AMANG, "Kinta Amang Minerals Sdn Bhd", MY);
        operator(GEBENG_AU, "Gebeng Lanthanide Processing (AU-owned)", AU);
        operator(NEGERI_SEPARATION, "Negeri Rare Earth Separation Bhd (state-linked)", MY);
        operator(KUANTAN_METALS, "Kuantan RE Metals Sdn Bhd", MY);
        operator(SINO_MAGNET, "Sino-Malaysia Magnet JV", CN);
        operator(PAHANG_DISPOSAL, "Pahang Permanent Disposal Sdn Bhd", MY);
        operator(KUANTAN_PORT, "Kuantan Port Consortium", MY);

        facility(ISL_MINE, PERAK_ISL, "Kenering ISL block 1", FacilityKind.IN_SITU_LEACH_MINE,
                new GeoPoint(5.30, 101.15), Map.of(ProcessKind.LEACHING, CN));
        facility(AMANG_MINE, KINTA_AMANG, "Kinta amang tailings pond", FacilityKind.MINE,
                new GeoPoint(4.55, 101.08), Map.of(ProcessKind.CONCENTRATION, MY));
        facility(CONCENTRATOR, KINTA_AMANG, "Kinta monazite concentrator", FacilityKind.CONCENTRATOR,
                new GeoPoint(4.60, 101.10), Map.of(ProcessKind.CONCENTRATION, MY));
        facility(CRACKING_PLANT, GEBENG_AU, "Gebeng cracking and leaching plant", FacilityKind.CRACKING_PLANT,
                new GeoPoint(3.97, 103.38), Map.of(ProcessKind.CRACKING, AU, ProcessKind.LEACHING, AU));
        facility(SEPARATION_PLANT, NEGERI_SEPARATION, "Kuantan solvent-extraction separation plant",
                FacilityKind.SEPARATION_PLANT, new GeoPoint(3.96, 103.37), Map.of(ProcessKind.SEPARATION, CN));
        facility(METAL_PLANT, KUANTAN_METALS, "Kuantan metal and alloy plant", FacilityKind.METAL_PLANT,
                new GeoPoint(3.95, 103.36), Map.of(ProcessKind.METAL_MAKING, MY));
        facility(MAGNET_PLANT, SINO_MAGNET, "Kuantan sintered NdFeB magnet plant", FacilityKind.MAGNET_PLANT,
                new GeoPoint(3.94, 103.35), Map.of(ProcessKind.MAGNET_MAKING, CN));
        facility(DISPOSAL, PAHANG_DISPOSAL, "Bukit Ketam permanent disposal facility", FacilityKind.DISPOSAL_FACILITY,
                new GeoPoint(3.90, 103.20), Map.of());
        facility(PORT, KUANTAN_PORT, "Kuantan Port", FacilityKind.PORT, new GeoPoint(3.97, 103.43), Map.of());
    }

    private void operator(OperatorId id, String name, CountryCode country) {
        operators.put(id, new Operator(id, name, country));
    }

    private void facility(FacilityId id, OperatorId operator, String name, FacilityKind kind, GeoPoint at,
                          Map<ProcessKind, CountryCode> technology) {
        facilities.put(id, new Facility(id, operator, name, kind, MY, at, technology));
    }

    @Override
    public Optional<Facility> facility(FacilityId id) {
        return Optional.ofNullable(facilities.get(id));
    }

    @Override
    public Optional<Operator> operator(OperatorId id) {
        return Optional.ofNullable(operators.get(id));
    }

    /** Every facility, in the order of the chain (mines first, port last). */
    public List<Facility> facilities() {
        return Collections.unmodifiableList(new ArrayList<>(facilities.values()));
    }

    public List<Operator> operators() {
        return Collections.unmodifiableList(new ArrayList<>(operators.values()));
    }

    public Facility get(FacilityId id) {
        return facility(id).orElseThrow(() -> new IllegalArgumentException("no facility " + id + " in the fixture"));
    }

    /** Holder of a facility: the operator the ledger records as custodian of what it holds. */
    public OperatorId operatorOf(FacilityId id) {
        return get(id).operator();
    }
}
