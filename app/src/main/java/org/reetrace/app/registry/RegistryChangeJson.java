package org.reetrace.app.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.reetrace.core.composition.Mass;
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
import org.reetrace.core.registry.Shareholder;
import org.reetrace.core.registry.Shareholding;
import org.reetrace.core.registry.TechnologyAgreement;
import org.reetrace.core.registry.TechnologyCategory;
import org.reetrace.core.registry.Validity;
import org.reetrace.core.registry.Zone;
import org.reetrace.core.registry.ZoneCode;
import org.reetrace.core.registry.ZoneKind;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A registry change as stored in {@code registry_version.change} and shown in the history: plain JSON with the
 * change's kind, areas as WKT, masses in mg, instants in ISO-8601 (an open start or end is null). Reading is the
 * exact inverse of writing, so a restored registry is the registry that was recorded.
 */
public final class RegistryChangeJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RegistryChangeJson() {
    }

    public static String kind(RegistryChange change) {
        return change.getClass().getSimpleName();
    }

    public static ObjectNode write(RegistryChange change) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", kind(change));
        switch (change) {
            case RegistryChange.PutOperator p -> {
                n.put("id", p.operator().id().value());
                n.put("name", p.operator().name());
                n.put("country", p.operator().country().alpha2());
            }
            case RegistryChange.PutFacility p -> {
                var f = p.facility().facility();
                n.put("id", f.id().value());
                n.put("operator", f.operator().value());
                n.put("name", f.name());
                n.put("facilityKind", f.kind().name());
                n.put("country", f.country().alpha2());
                f.position().ifPresent(g -> {
                    n.put("latitude", g.latitude());
                    n.put("longitude", g.longitude());
                });
                ArrayNode processes = n.putArray("processes");
                for (ProcessTechnology t : p.facility().processes()) {
                    processes.addObject().put("process", t.process().name()).put("licensor", t.licensor())
                            .put("licensorCountry", t.licensorCountry().alpha2())
                            .put("annualCapacityMg", t.annualCapacity().mg());
                }
            }
            case RegistryChange.SetShareholders s -> {
                n.put("company", s.company().value());
                ArrayNode holdings = n.putArray("holdings");
                for (Shareholding h : s.holdings()) {
                    ObjectNode o = holdings.addObject();
                    switch (h.holder()) {
                        case Shareholder.Company c -> o.put("companyHolder", c.id().value());
                        case Shareholder.State st -> o.put("state", st.country().alpha2()).put("body", st.body());
                    }
                    o.put("percent", h.percent().toPlainString());
                }
            }
            case RegistryChange.PutLicence p -> {
                Licence l = p.licence();
                n.put("id", l.id().value());
                n.put("licenceKind", l.kind().name());
                n.put("holder", l.holder().value());
                n.put("facility", l.site().map(FacilityId::value).orElse(null));
                n.put("issuer", l.issuer().alpha2());
                validity(n, l.validity());
                n.put("areaWkt", l.leaseArea().map(Area::wkt).orElse(null));
                if (l.quota().isPresent()) {
                    n.put("annualQuotaMg", l.quota().get().mg());
                }
            }
            case RegistryChange.PutZone p -> {
                Zone z = p.zone();
                n.put("code", z.code().value());
                n.put("name", z.name());
                n.put("zoneKind", z.kind().name());
                n.put("areaWkt", z.area().wkt());
                validity(n, z.validity());
            }
            case RegistryChange.PutAgreement p -> {
                TechnologyAgreement a = p.agreement();
                n.put("id", a.id());
                n.put("licensor", a.licensor());
                n.put("licensorCountry", a.licensorCountry().alpha2());
                n.put("category", a.category().name());
                n.put("recipient", a.recipient().value());
                validity(n, a.validity());
                n.put("conditions", a.conditions());
            }
            case RegistryChange.SetStateLinkThreshold t -> n.put("percent", t.percent().toPlainString());
        }
        return n;
    }

    public static RegistryChange read(JsonNode n) {
        String kind = n.path("kind").asString();
        return switch (kind) {
            case "PutOperator" -> new RegistryChange.PutOperator(new Operator(OperatorId.of(text(n, "id")),
                    text(n, "name"), CountryCode.of(text(n, "country"))));
            case "PutFacility" -> {
                List<ProcessTechnology> processes = new ArrayList<>();
                for (JsonNode t : n.path("processes")) {
                    processes.add(new ProcessTechnology(ProcessKind.valueOf(text(t, "process")), text(t, "licensor"),
                            CountryCode.of(text(t, "licensorCountry")), Mass.ofMilligrams(t.path("annualCapacityMg").asLong())));
                }
                GeoPoint at = n.hasNonNull("latitude")
                        ? new GeoPoint(n.path("latitude").asDouble(), n.path("longitude").asDouble()) : null;
                yield new RegistryChange.PutFacility(RegisteredFacility.of(FacilityId.of(text(n, "id")),
                        OperatorId.of(text(n, "operator")), text(n, "name"), FacilityKind.valueOf(text(n, "facilityKind")),
                        CountryCode.of(text(n, "country")), at, processes));
            }
            case "SetShareholders" -> {
                OperatorId company = OperatorId.of(text(n, "company"));
                List<Shareholding> holdings = new ArrayList<>();
                for (JsonNode h : n.path("holdings")) {
                    Shareholder holder = h.hasNonNull("companyHolder")
                            ? new Shareholder.Company(OperatorId.of(text(h, "companyHolder")))
                            : new Shareholder.State(CountryCode.of(text(h, "state")), text(h, "body"));
                    holdings.add(new Shareholding(company, holder, new BigDecimal(text(h, "percent"))));
                }
                yield new RegistryChange.SetShareholders(company, holdings);
            }
            case "PutLicence" -> new RegistryChange.PutLicence(new Licence(LicenceId.of(text(n, "id")),
                    LicenceKind.valueOf(text(n, "licenceKind")), OperatorId.of(text(n, "holder")),
                    n.hasNonNull("facility") ? FacilityId.of(text(n, "facility")) : null,
                    CountryCode.of(text(n, "issuer")), validity(n),
                    n.hasNonNull("areaWkt") ? Area.fromWkt(text(n, "areaWkt")) : null,
                    n.hasNonNull("annualQuotaMg") ? Mass.ofMilligrams(n.path("annualQuotaMg").asLong()) : null));
            case "PutZone" -> new RegistryChange.PutZone(new Zone(ZoneCode.of(text(n, "code")), text(n, "name"),
                    ZoneKind.valueOf(text(n, "zoneKind")), Area.fromWkt(text(n, "areaWkt")), validity(n)));
            case "PutAgreement" -> new RegistryChange.PutAgreement(new TechnologyAgreement(text(n, "id"),
                    text(n, "licensor"), CountryCode.of(text(n, "licensorCountry")),
                    TechnologyCategory.valueOf(text(n, "category")), OperatorId.of(text(n, "recipient")), validity(n),
                    n.path("conditions").asString("")));
            case "SetStateLinkThreshold" -> new RegistryChange.SetStateLinkThreshold(new BigDecimal(text(n, "percent")));
            default -> throw new IllegalArgumentException("unknown registry change kind '" + kind + "'");
        };
    }

    private static void validity(ObjectNode n, Validity v) {
        n.put("from", v.from().equals(Instant.MIN) ? null : v.from().toString());
        n.put("until", v.end().map(Instant::toString).orElse(null));
    }

    private static Validity validity(JsonNode n) {
        return new Validity(n.hasNonNull("from") ? Instant.parse(text(n, "from")) : Instant.MIN,
                n.hasNonNull("until") ? Instant.parse(text(n, "until")) : null);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("stored registry change lacks '" + field + "': " + n);
        }
        return v.asString();
    }
}
