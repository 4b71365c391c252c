package org.reetrace.core.rules;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;

import org.reetrace.core.element.Element;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.pedigree.PedigreeKey;
import org.reetrace.core.pedigree.StageKind;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.provenance.PedigreeShares;
import org.reetrace.core.provenance.PriceTable;
import org.reetrace.core.provenance.ProcessedCriteria;
import org.reetrace.core.provenance.ValueShare;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.GeoPoint;
import org.reetrace.core.registry.Licence;
import org.reetrace.core.registry.LicenceId;
import org.reetrace.core.registry.LicenceKind;
import org.reetrace.core.registry.OperatorId;
import org.reetrace.core.registry.StateLink;
import org.reetrace.core.registry.TechnologyCategory;
import org.reetrace.core.registry.ZoneKind;

/**
 * The functions a rule can call for what CEL cannot compute itself: geometry, ownership, provenance, value. Each
 * is declared once for the compiler and bound once, in the engine's CEL runtime ({@link #bindings()}), so programs
 * and bindings are made at load and shared; a function reads the subject being judged on its thread
 * ({@link #judging}), since CEL hands it only its arguments. The list and meaning of each function is documented
 * in {@code rules/README.md}; keep the two in step.
 */
final class RuleFunctions {

    private static final CelType STR = SimpleType.STRING;
    private static final CelType DBL = SimpleType.DOUBLE;
    private static final CelType BOOL = SimpleType.BOOL;
    private static final CelType STR_LIST = ListType.create(SimpleType.STRING);
    private static final CelType DYN_MAP = MapType.create(SimpleType.STRING, SimpleType.DYN);

    private final PriceTable prices;
    private final ProcessedCriteria criteria;
    private final ZoneId zone;
    /** The subject being judged on each thread: packs are shared by the ledger writer and the request threads. */
    private final ThreadLocal<RuleContext> judged = new ThreadLocal<>();

    RuleFunctions(PriceTable prices, ProcessedCriteria criteria, ZoneId zone) {
        this.prices = prices;
        this.criteria = criteria;
        this.zone = zone;
    }

    static List<CelFunctionDecl> declarations() {
        return List.of(
                fn("processed", "processed_map", BOOL, DYN_MAP),
                fn("processedReason", "processedReason_map", STR, DYN_MAP),
                fn2("originShare", List.of(o("originShare_string", DBL, STR), o("originShare_string_string", DBL, STR, STR))),
                fn("stageShare", "stageShare_string_string", DBL, STR, STR),
                fn("maxStageShare", "maxStageShare_string", DBL, STR),
                fn("topStageCountry", "topStageCountry_string", STR, STR),
                fn("passedStageIn", "passedStageIn_list_list", BOOL, STR_LIST, STR_LIST),
                fn("pathsThrough", "pathsThrough_list_list", STR_LIST, STR_LIST, STR_LIST),
                fn("valueShareByOrigin", "valueShareByOrigin_string", DBL, STR),
                fn("technologyOrigin", "technologyOrigin_string", STR, STR),
                fn("technologyCategory", "technologyCategory_string", STR, STR),
                fn2("stateLinked", List.of(o("stateLinked_string", BOOL, STR), o("stateLinked_string_string", BOOL, STR, STR))),
                fn("stateLinkExplanation", "stateLinkExplanation_string", STR, STR),
                fn("inZone", "inZone_string", BOOL, STR),
                fn("inLease", "inLease", BOOL),
                fn("quotaRemainingKg", "quotaRemainingKg", DBL),
                fn2("holdsLicence", List.of(o("holdsLicence_string", BOOL, STR), o("holdsLicence_string_string", BOOL, STR, STR))),
                fn("permitValid", "permitValid_string_string", BOOL, STR, STR),
                fn("licensedDisposal", "licensedDisposal_string", BOOL, STR),
                fn("facilityKind", "facilityKind_string", STR, STR));
    }

    static List<String> names() {
        return declarations().stream().map(CelFunctionDecl::name).toList();
    }

    private static CelOverloadDecl o(String id, CelType result, CelType... params) {
        return CelOverloadDecl.newGlobalOverload(id, result, params);
    }

    private static CelFunctionDecl fn(String name, String id, CelType result, CelType... params) {
        return CelFunctionDecl.newFunctionDeclaration(name, o(id, result, params));
    }

    private static CelFunctionDecl fn2(String name, List<CelOverloadDecl> overloads) {
        return CelFunctionDecl.newFunctionDeclaration(name, overloads);
    }

    /** Runs {@code evaluation} (CEL programs calling the functions) with the functions reading {@code ctx}. */
    <T> T judging(RuleContext ctx, Supplier<T> evaluation) {
        RuleContext outer = judged.get();
        judged.set(ctx);
        try {
            return evaluation.get();
        } finally {
            judged.set(outer);
        }
    }

    private RuleContext ctx() {
        RuleContext ctx = judged.get();
        if (ctx == null) {
            throw new IllegalStateException("a rule function was called outside an evaluation");
        }
        return ctx;
    }

    /** The implementations of {@link #declarations()}, for the runtime; each works only inside {@link #judging}. */
    List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("processed_map", Map.class, m -> processed(ctx(), m).processed()),
                CelFunctionBinding.from("processedReason_map", Map.class, m -> processed(ctx(), m).reason()),
                CelFunctionBinding.from("originShare_string", String.class,
                        c -> lot(ctx()).map(l -> PedigreeShares.originShare(l.pedigree(), country(c))).orElse(0.0)),
                CelFunctionBinding.from("originShare_string_string", String.class, String.class,
                        (c, e) -> lot(ctx()).map(l -> PedigreeShares.originShare(l.pedigree(), country(c), element(e))).orElse(0.0)),
                CelFunctionBinding.from("stageShare_string_string", String.class, String.class,
                        (s, c) -> stageShares(ctx(), s).getOrDefault(country(c), 0.0)),
                CelFunctionBinding.from("maxStageShare_string", String.class,
                        s -> stageShares(ctx(), s).values().stream().mapToDouble(Double::doubleValue).max().orElse(0.0)),
                CelFunctionBinding.from("topStageCountry_string", String.class,
                        s -> stageShares(ctx(), s).entrySet().stream().max(Map.Entry.comparingByValue())
                                .map(e -> e.getKey().alpha2()).orElse("")),
                CelFunctionBinding.from("passedStageIn_list_list", List.class, List.class,
                        (s, c) -> !pathsThrough(ctx(), s, c).isEmpty()),
                CelFunctionBinding.from("pathsThrough_list_list", List.class, List.class,
                        (s, c) -> pathsThrough(ctx(), s, c).stream().map(PedigreeKey::toString).toList()),
                CelFunctionBinding.from("valueShareByOrigin_string", String.class,
                        c -> lot(ctx()).map(l -> ctx().memo("value", () -> ValueShare.byOrigin(l.pedigree(), prices))
                                .getOrDefault(country(c), 0.0)).orElse(0.0)),
                CelFunctionBinding.from("technologyOrigin_string", String.class,
                        p -> ctx().facility().map(f -> f.technologyOrigin(process(p)).alpha2()).orElse("")),
                CelFunctionBinding.from("technologyCategory_string", String.class,
                        p -> TechnologyCategory.of(process(p)).map(Enum::name).orElse("")),
                CelFunctionBinding.from("stateLinked_string", String.class,
                        op -> ctx().registry().operator(OperatorId.of(op)).isPresent()
                                && stateLink(ctx(), OperatorId.of(op)).linked()),
                CelFunctionBinding.from("stateLinked_string_string", String.class, String.class,
                        (op, c) -> ctx().registry().stateLink(OperatorId.of(op), country(c)).linked()),
                CelFunctionBinding.from("stateLinkExplanation_string", String.class,
                        op -> ctx().registry().operator(OperatorId.of(op)).isPresent()
                                ? stateLink(ctx(), OperatorId.of(op)).explanation()
                                : "operator " + op + " is not in the registry"),
                CelFunctionBinding.from("inZone_string", String.class, k -> inZone(ctx(), zoneKind(k))),
                CelFunctionBinding.from("inLease", List.of(), args -> !leases(ctx()).isEmpty()),
                CelFunctionBinding.from("quotaRemainingKg", List.of(), args -> quotaRemainingKg(ctx())),
                CelFunctionBinding.from("holdsLicence_string", String.class,
                        k -> !licences(ctx(), licenceKind(k), null).isEmpty()),
                CelFunctionBinding.from("holdsLicence_string_string", String.class, String.class,
                        (k, issuer) -> !licences(ctx(), licenceKind(k), country(issuer)).isEmpty()),
                CelFunctionBinding.from("permitValid_string_string", String.class, String.class,
                        (k, number) -> permitValid(ctx(), licenceKind(k), number)),
                CelFunctionBinding.from("licensedDisposal_string", String.class,
                        f -> !f.isEmpty() && ctx().registry().licensedDisposal(FacilityId.of(f), ctx().at())),
                CelFunctionBinding.from("facilityKind_string", String.class,
                        f -> f.isEmpty() ? "" : ctx().registry().facility(FacilityId.of(f)).map(x -> x.kind().name()).orElse("")));
    }

    private ProcessedCriteria.Assessment processed(RuleContext ctx, Map<?, ?> lotMap) {
        Object id = lotMap.get("id");
        if (!(id instanceof String s) || s.isEmpty()) {
            return new ProcessedCriteria.Assessment(false, "no lot");
        }
        return ctx.memo("processed:" + s, () -> {
            Optional<Lot> l = ctx.lot().filter(x -> x.id().value().equals(s));
            if (l.isEmpty()) {
                l = ctx.facts().lot(LotId.of(s));
            }
            return l.map(criteria::assess).orElse(new ProcessedCriteria.Assessment(false, "no lot " + s + " in the books"));
        });
    }

    /**
     * The operator's link to the state of the country where the judged facility is (a foreign-registered
     * operator's Malaysian plant is judged against Malaysia); with no facility, its own country's state.
     */
    private static StateLink stateLink(RuleContext ctx, OperatorId operator) {
        Optional<CountryCode> where = ctx.facility().map(Facility::country);
        return where.isPresent() ? ctx.registry().stateLink(operator, where.get()) : ctx.registry().stateLink(operator);
    }

    private static Optional<Lot> lot(RuleContext ctx) {
        return ctx.lot();
    }

    private static Map<CountryCode, Double> stageShares(RuleContext ctx, String stage) {
        StageKind kind = stage(stage);
        return ctx.memo("stage:" + kind, () -> ctx.lot().map(l -> PedigreeShares.stageShares(l.pedigree(), kind))
                .orElse(Map.of()));
    }

    private static List<PedigreeKey> pathsThrough(RuleContext ctx, List<?> stages, List<?> countries) {
        Set<StageKind> s = EnumSet.noneOf(StageKind.class);
        stages.forEach(x -> s.add(stage(String.valueOf(x))));
        Set<CountryCode> c = new HashSet<>();
        countries.forEach(x -> c.add(country(String.valueOf(x))));
        return ctx.lot().map(l -> PedigreeShares.pathsThrough(l.pedigree(), s, c)).orElse(List.of());
    }

    private static Optional<GeoPoint> location(RuleContext ctx) {
        return ctx.event().flatMap(e -> e instanceof org.reetrace.core.event.Extract x
                ? Optional.ofNullable(x.location()) : Optional.empty());
    }

    private static boolean inZone(RuleContext ctx, ZoneKind kind) {
        // one look-up for the several kinds a rule asks about (MY-MIN-01: three)
        return location(ctx).map(p -> ctx.memo("zones", () -> ctx.registry().zonesCovering(p, ctx.at())).stream()
                .anyMatch(z -> z.kind() == kind)).orElse(false);
    }

    /** Valid leases of the acting mine that cover the event's location. */
    private static List<Licence> leases(RuleContext ctx) {
        Optional<GeoPoint> p = location(ctx);
        Optional<Facility> f = ctx.facility();
        if (p.isEmpty() || f.isEmpty()) {
            return List.of();
        }
        return ctx.memo("leases", () -> ctx.registry().leasesCovering(f.get().id(), p.get(), ctx.at()).stream()
                .filter(l -> l.holder().equals(f.get().operator())).toList());
    }

    /**
     * Ore the acting mine may still extract this calendar year: the smallest quota among the valid leases covering
     * the point, less what the mine extracted this year before the event. 0 without a lease; unbounded when the
     * lease sets no quota.
     */
    private double quotaRemainingKg(RuleContext ctx) {
        return ctx.memo("quota", () -> computeQuotaRemainingKg(ctx)); // asked by require, and again by explain
    }

    private double computeQuotaRemainingKg(RuleContext ctx) {
        List<Licence> ls = leases(ctx);
        if (ls.isEmpty()) {
            return 0.0;
        }
        Optional<Long> quota = ls.stream().flatMap(l -> l.quota().stream()).map(m -> m.mg()).min(Long::compare);
        if (quota.isEmpty()) {
            return Double.MAX_VALUE;
        }
        int year = ctx.at().atZone(zone).getYear();
        long used = ctx.facts().extractedInYear(ctx.facility().orElseThrow().id(), year).mg();
        return (quota.get() - used) / 1_000_000.0;
    }

    /** Valid licences of a kind held by the acting operator for the acting facility or for no particular site. */
    private static List<Licence> licences(RuleContext ctx, LicenceKind kind, CountryCode issuer) {
        Optional<Facility> f = ctx.facility();
        if (f.isEmpty()) {
            return List.of();
        }
        List<Licence> out = new ArrayList<>();
        for (Licence l : ctx.registry().validLicences(f.get().operator(), kind, ctx.at())) {
            if ((l.facility() == null || l.facility().equals(f.get().id())) && (issuer == null || l.issuer().equals(issuer))) {
                out.add(l);
            }
        }
        return out;
    }

    private static boolean permitValid(RuleContext ctx, LicenceKind kind, String number) {
        if (number == null || number.isBlank()) {
            return false;
        }
        LicenceId id;
        try {
            id = LicenceId.of(number.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return licences(ctx, kind, null).stream().anyMatch(l -> l.id().equals(id));
    }

    private static CountryCode country(String c) {
        return CountryCode.of(c);
    }

    private static Element element(String e) {
        return Element.bySymbol(e).orElseThrow(() -> new IllegalArgumentException("unknown element symbol " + e));
    }

    private static StageKind stage(String s) {
        return parse(StageKind.class, s, "stage");
    }

    private static ProcessKind process(String s) {
        return parse(ProcessKind.class, s, "process");
    }

    private static ZoneKind zoneKind(String s) {
        return parse(ZoneKind.class, s, "zone kind");
    }

    private static LicenceKind licenceKind(String s) {
        return parse(LicenceKind.class, s, "licence kind");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String s, String what) {
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + what + " '" + s + "'; known: "
                    + List.of(type.getEnumConstants()));
        }
    }

    static Collection<String> enumNames(Class<? extends Enum<?>> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
