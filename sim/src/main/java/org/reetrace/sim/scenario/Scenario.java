package org.reetrace.sim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.core.analytics.MeasurementModel;
import org.reetrace.core.element.Element;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.GeoPoint;

/**
 * A national scenario: the chain (operators, mines, plants, sites, buyers), the chemistry (signatures), the
 * measurement model, partner reporting and the frauds to inject. Read from a line-oriented file by
 * {@link ScenarioParser}; {@link #malaysia()} is the default that ships with the project, {@link #clayBelt()} a
 * second chain with another facility mix and poorer measurement. Immutable.
 *
 * @param baselineMonths months at the start with no fraud, whose lots form the mines' reference signatures
 * @param scale          multiplies the number of lots (not the tonnage): the knob for large event streams
 */
public record Scenario(String name, YearMonth start, int months, int baselineMonths, int scale,
                       MeasurementModel measurement, PartnerReporting partnerReporting, double royaltyRate,
                       Map<String, Signature> signatures, List<OperatorSpec> operators, List<MineSpec> mines,
                       List<PlantSpec> plants, List<SiteSpec> sites, List<BuyerSpec> buyers, List<ZoneSpec> zones,
                       List<FraudSpec> frauds) {

    public Scenario {
        signatures = Map.copyOf(signatures);
        operators = List.copyOf(operators);
        mines = List.copyOf(mines);
        plants = List.copyOf(plants);
        sites = List.copyOf(sites);
        buyers = List.copyOf(buyers);
        zones = List.copyOf(zones);
        frauds = List.copyOf(frauds);
    }

    /** The scenarios that ship with the simulator, by the name {@link #shipped(String)} takes. */
    public static final List<String> SHIPPED = List.of("malaysia", "clay-belt");

    /** The Malaysia-like default (resource {@code malaysia.scenario}). */
    public static Scenario malaysia() {
        return shipped("malaysia").orElseThrow();
    }

    /**
     * The second shipped scenario (resource {@code clay-belt.scenario}): more ionic-clay mines, one separation plant
     * and a second cracking plant, poorer measurement.
     */
    public static Scenario clayBelt() {
        return shipped("clay-belt").orElseThrow();
    }

    /** A shipped scenario by name (one of {@link #SHIPPED}), or empty. */
    public static Optional<Scenario> shipped(String name) {
        if (!SHIPPED.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = Scenario.class.getResourceAsStream("/org/reetrace/sim/" + name + ".scenario")) {
            return Optional.of(ScenarioParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("the scenario " + name + " ships with the simulator", e);
        }
    }

    /** The same scenario with no fraud: the clean runs of the evaluation. */
    public Scenario clean() {
        return withFrauds(List.of());
    }

    public Scenario withFrauds(List<FraudSpec> frauds) {
        return new Scenario(name, start, months, baselineMonths, scale, measurement, partnerReporting, royaltyRate,
                signatures, operators, mines, plants, sites, buyers, zones, frauds);
    }

    public Scenario withMonths(int months) {
        return new Scenario(name, start, months, baselineMonths, scale, measurement, partnerReporting, royaltyRate,
                signatures, operators, mines, plants, sites, buyers, zones, frauds);
    }

    public Scenario withScale(int scale) {
        return new Scenario(name, start, months, baselineMonths, scale, measurement, partnerReporting, royaltyRate,
                signatures, operators, mines, plants, sites, buyers, zones, frauds);
    }

    /** The same chain from another month on: e.g. a second stream that follows the first in time. */
    public Scenario withStart(YearMonth start) {
        return new Scenario(name, start, months, baselineMonths, scale, measurement, partnerReporting, royaltyRate,
                signatures, operators, mines, plants, sites, buyers, zones, frauds);
    }

    public YearMonth end() {
        return start.plusMonths(months - 1L);
    }

    public Optional<ZoneSpec> zone(String id) {
        return zones.stream().filter(z -> z.id().equals(id)).findFirst();
    }

    /** How partner countries report what they import: a relative error on mass and the shipping time. */
    public record PartnerReporting(double massRsd, double valueRsd, int transitDaysMin, int transitDaysMax) {
    }

    /**
     * A rare-earth distribution, percent of TREO by element. {@code source} says where it comes from; synthetic
     * ones are marked as such.
     */
    public record Signature(String id, boolean synthetic, String source, Map<Element, Double> treoPercent) {
        public Signature {
            treoPercent = Map.copyOf(treoPercent);
        }
    }

    public record OperatorSpec(String id, String name, CountryCode country, boolean stateLinked, int line) {
    }

    public enum MineKind {
        /** In-situ leach of ion-adsorption clay: liquor booked as ore, precipitated to carbonate at the mine. */
        ION_CLAY,
        /** Monazite and xenotime in tin tailings (amang), sent as ore to a concentrator. */
        AMANG
    }

    /**
     * @param signature     the main mineral's distribution; for amang the monazite part
     * @param xenotime      amang only: the xenotime distribution and its share of the TREO
     * @param variability   lot-to-lot natural spread of each element's share (log-normal sigma)
     * @param seasonal      amplitude of the monsoon cycle on monthly output (peak in the dry months)
     * @param noise         month-to-month random spread of output (log-normal sigma)
     */
    public record MineSpec(String id, String operator, String name, MineKind kind, String state, GeoPoint at, Box lease,
                           String signature, String xenotime, double xenotimeShare, double variability,
                           double gradePercent, double thPpm, double uPpm, int lotsPerMonth, double lotTonnes,
                           double seasonal, double noise, double quotaTonnes, String to, CountryCode technology,
                           double loss, double lossSd, int line) {
    }

    /** Cracking alone: concentrate to mixed chloride (sent {@code to} a separation plant) and residue. */
    public enum PlantKind { CONCENTRATOR, CRACKING, SEPARATION, METAL, MAGNET }

    /**
     * @param loss          nominal unmeasured loss, share of each rare earth in (per process stage)
     * @param lossSd        month-to-month spread of that share
     * @param to            where the main product goes (concentrate to separation, metal to magnets)
     * @param forwardShare  separation: the share of NdPr oxide sent to {@code to} (the metal plant); the rest and
     *                      all other products go to {@code port}
     */
    public record PlantSpec(String id, String operator, String name, PlantKind kind, String state, GeoPoint at,
                            CountryCode technology, double loss, double lossSd, double capacityTonnes,
                            double productLotTonnes, String to, double forwardShare, String port, String disposal,
                            int line) {
    }

    public enum SiteKind { PORT, DISPOSAL }

    public record SiteSpec(String id, String operator, String name, SiteKind kind, GeoPoint at, int line) {
    }

    public record BuyerSpec(String name, CountryCode country, Product product, double weight, int line) {
    }

    public record ZoneSpec(String id, String name, Box area, int line) {
    }
}
