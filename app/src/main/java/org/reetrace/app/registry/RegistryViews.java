package org.reetrace.app.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.core.composition.Mass;
import org.reetrace.core.registry.Area;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.Licence;
import org.reetrace.core.registry.Operator;
import org.reetrace.core.registry.RegisteredFacility;
import org.reetrace.core.registry.RegistrySnapshot;
import org.reetrace.core.registry.RegistryVersion;
import org.reetrace.core.registry.Shareholder;
import org.reetrace.core.registry.Shareholding;
import org.reetrace.core.registry.StateLink;
import org.reetrace.core.registry.TechnologyAgreement;
import org.reetrace.core.registry.Validity;
import org.reetrace.core.registry.Zone;

import tools.jackson.databind.JsonNode;

/** The registry as its use cases answer it: operators, facilities, licences, zones, agreements and versions. */
public final class RegistryViews {

    private RegistryViews() {
    }

    public record HoldingView(String holder, String kind, BigDecimal percent) {
        static HoldingView of(Shareholding s) {
            return switch (s.holder()) {
                case Shareholder.Company c -> new HoldingView(c.id().value(), "COMPANY", s.percent());
                case Shareholder.State st -> new HoldingView(st.body() + " (" + st.country() + ")", "STATE", s.percent());
            };
        }
    }

    /** {@code shareholders}, {@code stateLinked} and {@code stateShare} are null where they are not disclosed. */
    public record OperatorView(String id, String name, String country, List<HoldingView> shareholders,
                               Boolean stateLinked, BigDecimal stateShare) {
        static OperatorView of(Operator o, RegistrySnapshot r) {
            StateLink link = r.stateLink(o.id());
            return new OperatorView(o.id().value(), o.name(), o.country().alpha2(),
                    r.ownership().holdersOf(o.id()).stream().map(HoldingView::of).toList(), link.linked(), link.share());
        }

        /** What the public reads of an operator unless the regulator opened shareholdings to it. */
        OperatorView withoutHoldings() {
            return new OperatorView(id, name, country, null, null, null);
        }
    }

    public record ProcessView(String process, String licensor, String licensorCountry, BigDecimal annualCapacityKg) {
    }

    public record FacilityView(String id, String operator, String name, String kind, String country,
                               Map<String, Double> location, Map<String, String> processes,
                               List<ProcessView> technology) {
        static FacilityView of(Facility f, Optional<RegisteredFacility> registered) {
            Map<String, String> processes = new LinkedHashMap<>();
            f.technology().forEach((p, c) -> processes.put(p.name(), c.alpha2()));
            List<ProcessView> technology = registered.map(r -> r.processes().stream().map(p -> new ProcessView(
                    p.process().name(), p.licensor(), p.licensorCountry().alpha2(), p.annualCapacity().kilograms()))
                    .toList()).orElse(List.of());
            return new FacilityView(f.id().value(), f.operator().value(), f.name(), f.kind().name(),
                    f.country().alpha2(), f.position().map(p -> Map.of("latitude", p.latitude(),
                    "longitude", p.longitude())).orElse(null), processes, technology);
        }

        /** What the public reads of a facility unless the regulator opened facility details to it. */
        FacilityView withoutDetails() {
            return new FacilityView(id, operator, name, kind, country, null, null, null);
        }
    }

    public record LicenceView(String id, String kind, String holder, String facility, String issuer, String from,
                              String until, String areaWkt, BigDecimal annualQuotaKg) {
        static LicenceView of(Licence l) {
            return new LicenceView(l.id().value(), l.kind().name(), l.holder().value(),
                    l.site().map(FacilityId::value).orElse(null), l.issuer().alpha2(), start(l.validity()),
                    end(l.validity()), l.leaseArea().map(Area::wkt).orElse(null),
                    l.quota().map(Mass::kilograms).orElse(null));
        }

        LicenceView disclosing(boolean area, boolean quota) {
            return new LicenceView(id, kind, holder, facility, issuer, from, until, area ? areaWkt : null,
                    quota ? annualQuotaKg : null);
        }
    }

    public record ZoneView(String code, String name, String kind, String from, String until, String areaWkt) {
        static ZoneView of(Zone z) {
            return new ZoneView(z.code().value(), z.name(), z.kind().name(), start(z.validity()), end(z.validity()),
                    z.area().wkt());
        }
    }

    public record AgreementView(String id, String licensor, String licensorCountry, String category,
                                String recipient, String from, String until, String conditions) {
        static AgreementView of(TechnologyAgreement a) {
            return new AgreementView(a.id(), a.licensor(), a.licensorCountry().alpha2(), a.category().name(),
                    a.recipient().value(), start(a.validity()), end(a.validity()), a.conditions());
        }
    }

    public record PathView(String path, BigDecimal share) {
    }

    /** {@code explanation}: the share and every chain of holdings, in words. */
    public record StateLinkView(String operator, String state, String at, BigDecimal share, BigDecimal threshold,
                                boolean linked, List<PathView> paths, String explanation) {
    }

    public record VersionView(long sequence, String effective, Instant recorded, String author, String kind,
                              JsonNode change) {
        static VersionView of(RegistryVersion v) {
            return new VersionView(v.sequence(), v.effective().equals(Instant.MIN) ? null : v.effective().toString(),
                    v.recorded(), v.author(), RegistryChangeJson.kind(v.change()), RegistryChangeJson.write(v.change()));
        }
    }

    /** The state-link threshold as recorded: the percent, its version's sequence and when it takes effect. */
    public record ThresholdView(BigDecimal percent, long sequence, String effective) {
    }

    private static String start(Validity v) {
        return v.from().equals(Instant.MIN) ? null : v.from().toString();
    }

    private static String end(Validity v) {
        return v.end().map(Instant::toString).orElse(null);
    }
}
