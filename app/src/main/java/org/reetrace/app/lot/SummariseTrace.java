package org.reetrace.app.lot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.swagger.v3.oas.annotations.media.Schema;

import org.reetrace.app.UseCase;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.springframework.http.HttpStatus;

/**
 * A lot's trace summarised by step: for each distance from the lot (upstream: the transformation that made it, then
 * those that made its inputs; downstream: the transformation it went into, then onwards), the processes, how many
 * lots are on the far side (the inputs upstream, the outputs downstream), their mass and element masses (upstream, what
 * the transformations took of them; downstream, as they were made), and where they went in or were made. A step's lots are read a page at a time. Who may summarise is who may trace
 * ({@link TraceLot}): the regulator, customs and auditors see everything; an operator sees its own lots counted,
 * summed and listed, of other holders' lots only how many there are ({@code withheldLots}), and the process of a
 * transformation only at its own facilities.
 */
@UseCase
public class SummariseTrace {

    public static final int MAX_PAGE_SIZE = 100;

    /** The steps of a trace, nearest first. */
    public record TraceSummary(String root, String direction, List<StepSummary> steps) {
    }

    /**
     * One step: its distance from the lot, its transformations and their processes, and the lots on its far side the
     * caller may see, with their mass and element masses, their forms, and where they went in or were made.
     */
    public record StepSummary(
            @Schema(description = "Distance from the lot, 1 = the transformation next to it") int step,
            @Schema(description = "How many transformations are at this distance") long transformations,
            @Schema(description = "Their processes, where the caller may see them") List<String> processes,
            @Schema(description = "How many lots the caller may see") long lots,
            @Schema(description = "For a caller who does not read everything: how many lots of other holders")
            @JsonInclude(Include.NON_NULL) Long withheldLots,
            @Schema(description = "Forms of those lots") List<String> forms,
            @Schema(description = "Their mass in kg: upstream, what the transformations took of them; downstream, as made")
            BigDecimal massKg,
            @Schema(description = "Their element masses in mg, by symbol, taken or made as massKg is")
            Map<String, Long> compositionMg,
            @Schema(description = "Countries of the facilities where they went in (upstream) or were made (downstream), and an import's country of origin")
            List<String> countries,
            @Schema(description = "How many of them are at each facility") List<FacilityLots> facilities) {
    }

    public record FacilityLots(String facility, String country, long lots) {
    }

    /** A page of a step's lots, in order of id. */
    public record StepLots(String root, String direction, int step, int page, int size,
                           @Schema(description = "How many lots of the step the caller may see") long lots,
                           @JsonInclude(Include.NON_NULL) Long withheldLots, List<LotViews.LotView> items) {
    }

    private final LotQueries queries;
    private final TraceSteps steps;
    private final StoredRegistry registry;

    public SummariseTrace(LotQueries queries, TraceSteps steps, StoredRegistry registry) {
        this.queries = queries;
        this.steps = steps;
        this.registry = registry;
    }

    public TraceSummary summary(Caller caller, String id, String direction) {
        boolean upstream = upstream(direction);
        ReadLot.readable(queries, caller, id);
        Disclosure disclosure = new Disclosure(caller, registry);
        TraceSteps.Walk walk = steps.walk(id, upstream, TraceLot.MAX_DEPTH);
        Map<Integer, Step> byStep = new TreeMap<>();
        for (TraceSteps.TransformationGroup g : steps.transformationGroups(walk)) {
            Step s = byStep.computeIfAbsent(g.step(), Step::new);
            s.transformations += g.transformations();
            if (g.process() != null && disclosure.facility(g.facility())) {
                s.processes.add(g.process());
            }
        }
        for (TraceSteps.LotGroup g : steps.lotGroups(walk, upstream)) {
            Step s = byStep.computeIfAbsent(g.step(), Step::new);
            if (!disclosure.all() && !caller.actsFor(g.holder())) {
                s.withheld += g.lots();
                continue;
            }
            s.lots += g.lots();
            s.forms.add(g.form());
            s.mass = s.mass.add(g.massKg());
            g.compositionMg().forEach((symbol, mg) -> s.elements.merge(Element.valueOf(symbol), mg, Long::sum));
            String country = registry.facility(FacilityId.of(g.facility())).map(f -> f.country().alpha2()).orElse(null);
            if (country != null) {
                s.countries.add(country);
            }
            if (g.originCountry() != null) {
                s.countries.add(g.originCountry());
            }
            s.facilities.merge(g.facility(), g.lots(), Long::sum);
        }
        List<StepSummary> summaries = new ArrayList<>();
        for (Step s : byStep.values()) {
            summaries.add(s.summary(disclosure.all(), registry));
        }
        return new TraceSummary(id, direction, summaries);
    }

    /** Page {@code page} (from 1) of {@code size} lots (1 to {@link #MAX_PAGE_SIZE}) of step {@code step}. */
    public StepLots stepLots(Caller caller, String id, String direction, int step, int page, int size) {
        boolean upstream = upstream(direction);
        if (step < 1 || step > TraceLot.MAX_DEPTH) {
            throw badParameter("step", "must be between 1 and " + TraceLot.MAX_DEPTH + ", not " + step);
        }
        if (page < 1) {
            throw badParameter("page", "must be 1 or more, not " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw badParameter("size", "must be between 1 and " + MAX_PAGE_SIZE + ", not " + size);
        }
        ReadLot.readable(queries, caller, id);
        TraceSteps.Walk walk = steps.walk(id, upstream, step);
        if (walk.steps() < step) {
            throw ProblemException.notFound("step", step + " of the " + direction + " trace of lot " + id);
        }
        String holder = caller.readsAll() ? null : caller.operatorId().orElseThrow();
        TraceSteps.LotPage found = steps.lots(walk, upstream, step, holder, page, size);
        return new StepLots(id, direction, step, page, size, found.shown(),
                caller.readsAll() ? null : found.all() - found.shown(),
                found.lots().stream().map(LotViews::lot).toList());
    }

    private static boolean upstream(String direction) {
        if (!direction.equals("upstream") && !direction.equals("downstream")) {
            throw badParameter("direction", "must be upstream or downstream, not " + direction);
        }
        return direction.equals("upstream");
    }

    private static ProblemException badParameter(String name, String reason) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid query parameter",
                name + " " + reason, Map.of("errors", List.of(Map.of("field", name, "reason", reason))));
    }

    /** A step as it is summed up. */
    private static final class Step {
        final int step;
        long transformations;
        final TreeSet<String> processes = new TreeSet<>();
        long lots;
        long withheld;
        final TreeSet<String> forms = new TreeSet<>();
        BigDecimal mass = BigDecimal.ZERO;
        final Map<Element, Long> elements = new EnumMap<>(Element.class);
        final TreeSet<String> countries = new TreeSet<>();
        final Map<String, Long> facilities = new TreeMap<>();

        Step(int step) {
            this.step = step;
        }

        StepSummary summary(boolean all, StoredRegistry registry) {
            Map<String, Long> mg = new LinkedHashMap<>();
            elements.forEach((e, v) -> {
                if (v != 0) {
                    mg.put(e.symbol(), v);
                }
            });
            List<FacilityLots> at = facilities.entrySet().stream().map(e -> new FacilityLots(e.getKey(),
                    registry.facility(FacilityId.of(e.getKey())).map(Facility::country).map(c -> c.alpha2())
                            .orElse(null), e.getValue())).toList();
            return new StepSummary(step, transformations, List.copyOf(processes), lots, all ? null : withheld,
                    List.copyOf(forms), Mass.ofKilograms(mass).kilograms(), mg, List.copyOf(countries), at);
        }
    }
}
