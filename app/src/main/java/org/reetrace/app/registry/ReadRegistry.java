package org.reetrace.app.registry;

import static org.reetrace.app.registry.RegistryInput.built;
import static org.reetrace.app.registry.RegistryInput.operatorId;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.app.UseCase;
import org.reetrace.app.registry.RegistryViews.AgreementView;
import org.reetrace.app.registry.RegistryViews.FacilityView;
import org.reetrace.app.registry.RegistryViews.LicenceView;
import org.reetrace.app.registry.RegistryViews.OperatorView;
import org.reetrace.app.registry.RegistryViews.PathView;
import org.reetrace.app.registry.RegistryViews.StateLinkView;
import org.reetrace.app.registry.RegistryViews.VersionView;
import org.reetrace.app.registry.RegistryViews.ZoneView;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.Licence;
import org.reetrace.core.registry.Operator;
import org.reetrace.core.registry.OperatorId;
import org.reetrace.core.registry.RegistrySnapshot;
import org.reetrace.core.registry.RegistryVersion;
import org.reetrace.core.registry.StateLink;
import org.reetrace.core.registry.TechnologyAgreement;
import org.reetrace.core.registry.Zone;
import org.springframework.http.HttpStatus;

/**
 * Reading the registry. Operators, customs, auditors and the regulator read all of it; the PUBLIC role reads what a
 * buyer needs to check a certificate, and what else the regulator opened to it ({@link PublicDisclosure}).
 */
@UseCase
public class ReadRegistry {

    /** The whole registry as it stood at an instant. */
    public record Snapshot(Instant at, RegistrySnapshot registry) {
    }

    private final StoredRegistry registry;
    private final PublicDisclosure disclosure;

    public ReadRegistry(StoredRegistry registry, PublicDisclosure disclosure) {
        this.registry = registry;
        this.disclosure = disclosure;
    }

    public List<OperatorView> operators(Caller caller) {
        RegistrySnapshot latest = registry.latest();
        boolean holdings = shows(caller, PublicDisclosure.Category.SHAREHOLDINGS);
        return registry.operators().stream().map(o -> disclosed(holdings, OperatorView.of(o, latest))).toList();
    }

    public OperatorView operator(Caller caller, String id) {
        RegistrySnapshot latest = registry.latest();
        boolean holdings = shows(caller, PublicDisclosure.Category.SHAREHOLDINGS);
        return latest.operator(operatorId(id, "id")).map(o -> disclosed(holdings, OperatorView.of(o, latest)))
                .orElseThrow(() -> RegistryInput.noOperator(id));
    }

    /**
     * Whether the operator is state-linked at {@code at} (null: now) to the state of {@code state} (null: its own
     * country), with every chain of holdings that makes up the share.
     */
    public StateLinkView stateLink(Caller caller, String id, Instant at, String state) {
        require(caller, PublicDisclosure.Category.SHAREHOLDINGS);
        Instant when = at == null ? registry.now() : at;
        RegistrySnapshot r = registry.asOf(when);
        OperatorId company = operatorId(id, "id");
        Operator o = r.operator(company).orElseThrow(() -> RegistryInput.noOperator(id));
        StateLink link = state == null ? r.stateLink(company)
                : r.stateLink(company, built("state", () -> CountryCode.of(state)));
        return new StateLinkView(o.id().value(), link.state().alpha2(), when.toString(), link.share(), link.threshold(),
                link.linked(), link.paths().stream().map(p -> new PathView(p.toString(), p.share())).toList(),
                link.explanation());
    }

    public List<FacilityView> facilities(Caller caller) {
        RegistrySnapshot latest = registry.latest();
        boolean details = shows(caller, PublicDisclosure.Category.FACILITY_DETAILS);
        return registry.facilities().stream()
                .map(f -> disclosed(details, FacilityView.of(f, latest.registeredFacility(f.id())))).toList();
    }

    public FacilityView facility(Caller caller, String id) {
        RegistrySnapshot latest = registry.latest();
        return latest.registeredFacility(FacilityId.of(id))
                .map(f -> disclosed(shows(caller, PublicDisclosure.Category.FACILITY_DETAILS),
                        FacilityView.of(f.facility(), Optional.of(f))))
                .orElseThrow(() -> ProblemException.notFound("facility", id));
    }

    public List<LicenceView> licences(Caller caller) {
        require(caller, PublicDisclosure.Category.LICENCES);
        boolean areas = shows(caller, PublicDisclosure.Category.LEASE_AREAS);
        boolean quotas = shows(caller, PublicDisclosure.Category.QUOTAS);
        return registry.latest().licences().stream().sorted(Comparator.comparing((Licence l) -> l.id().value())
                .thenComparing(l -> l.validity().from())).map(l -> LicenceView.of(l).disclosing(areas, quotas)).toList();
    }

    public List<ZoneView> zones(Caller caller) {
        require(caller, PublicDisclosure.Category.ZONES);
        return registry.latest().zones().stream().sorted(Comparator.comparing(Zone::code)).map(ZoneView::of).toList();
    }

    public List<AgreementView> agreements(Caller caller) {
        require(caller, PublicDisclosure.Category.AGREEMENTS);
        return registry.latest().agreements().stream().sorted(Comparator.comparing(TechnologyAgreement::id))
                .map(AgreementView::of).toList();
    }

    /** Every recorded change in the order it was recorded, with its effective instant and author. */
    public List<VersionView> history(Caller caller) {
        return versions(caller).stream().map(VersionView::of).toList();
    }

    /** The same, as the registry keeps them. */
    public List<RegistryVersion> versions(Caller caller) {
        require(caller, PublicDisclosure.Category.HISTORY);
        return registry.history();
    }

    /** The whole registry as it stood at {@code at} (null: now), for those who read all of it. */
    public Snapshot asOf(Caller caller, Instant at) {
        if (caller.role() == Role.PUBLIC) {
            throw ProblemException.forbidden("the public reads only what the regulator opened of the registry");
        }
        Instant when = at == null ? registry.now() : at;
        return new Snapshot(when, registry.asOf(when));
    }

    /** Whether {@code caller} reads {@code category}: everyone but the public always, the public if it is open. */
    private boolean shows(Caller caller, PublicDisclosure.Category category) {
        return caller.role() != Role.PUBLIC || disclosure.opened().contains(category);
    }

    /** Lets {@code caller} through to a read of {@code category}, or refuses it with a 403 naming the category. */
    private void require(Caller caller, PublicDisclosure.Category category) {
        if (!shows(caller, category)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "not-disclosed", "Not disclosed to the public",
                    "the regulator has not opened " + category + " of the registry to the public",
                    Map.of("category", category.name()));
        }
    }

    /** What the public does not see of an operator unless its shareholdings are open; the setting read once per answer. */
    private static OperatorView disclosed(boolean holdings, OperatorView view) {
        return holdings ? view : view.withoutHoldings();
    }

    private static FacilityView disclosed(boolean details, FacilityView view) {
        return details ? view : view.withoutDetails();
    }
}
