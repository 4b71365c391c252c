package org.reetrace.app.ledger;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.ledger.Balance;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.LotStatus;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.pedigree.Origin;
import org.reetrace.core.pedigree.Pedigree;
import org.reetrace.core.pedigree.PedigreeKey;
import org.reetrace.core.pedigree.Stage;
import org.reetrace.core.pedigree.StageKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.OperatorId;

/**
 * The binary form in which the ledger stores pedigrees ({@code lot.pedigree}) and undo data ({@code ledger_undo}):
 * written with every accepted event, so it must cost little to write and nothing for PostgreSQL to take in (a
 * {@code bytea} is stored as it comes; JSON had to be parsed). Element vectors are sparse (a bit mask of the
 * elements present, then their masses), numbers are variable-length, names of enum constants are written as names
 * so that adding a constant never changes what stored bytes mean. The first byte is the format version.
 *
 * <p>Undo data is written in format 2, which gives a lot as an event left it by what changed from the same lot
 * before it (a shipment changes a status and a destination, not a lot's composition); format 1, every lot whole, is
 * still read.
 */
public final class LotCodec {

    private static final int PEDIGREE_VERSION = 1;
    private static final int UNDO_WHOLE = 1;
    private static final int UNDO_CHANGES = 2;

    /** The fields of a lot that format 2 names as changed, by bit. */
    private static final int FORM = 1;
    private static final int MASS = 1 << 1;
    private static final int COMPOSITION = 1 << 2;
    private static final int FACILITY = 1 << 3;
    private static final int HOLDER = 1 << 4;
    private static final int STATUS = 1 << 5;
    private static final int DESTINATION = 1 << 6;
    private static final int ACTIVITY = 1 << 7;
    private static final int PEDIGREE = 1 << 8;
    private static final int ALL_FIELDS = (1 << 9) - 1;

    private LotCodec() {
    }

    /** Undo data as stored: the lots an event changed as they were before it and as it left them, its balance change. */
    public record UndoData(List<Lot> before, List<Lot> after, Balance delta) {
    }

    public static byte[] pedigree(Pedigree pedigree) {
        ByteSink out = new ByteSink(256);
        pedigree(out, pedigree);
        return out.toByteArray();
    }

    /** A pedigree, written onto {@code out}. */
    static void pedigree(ByteSink out, Pedigree pedigree) {
        out.writeByte(PEDIGREE_VERSION);
        writePedigree(out, pedigree);
    }

    public static Pedigree pedigree(byte[] bytes) {
        return read(bytes, (in, version) -> {
            if (version != PEDIGREE_VERSION) {
                throw new IllegalArgumentException("a stored pedigree of format " + version + ", this reads "
                        + PEDIGREE_VERSION);
            }
            return readPedigree(in);
        });
    }

    /**
     * Undo data. A lot the event left with the very pedigree it had before (a shipment, a receipt, an assay) has its
     * pedigree written once: that is most events, and pedigrees are most of a lot's bytes.
     */
    public static byte[] undo(List<Lot> before, List<Lot> after, Balance delta) {
        ByteSink out = new ByteSink(512);
        undo(out, before, after, delta);
        return out.toByteArray();
    }

    /** Undo data, written onto {@code out}. */
    static void undo(ByteSink out, List<Lot> before, List<Lot> after, Balance delta) {
        out.writeByte(UNDO_CHANGES);
        // by identity: a lot that keeps its pedigree keeps the very object, and equality would cost a walk
        Map<Pedigree, Integer> written = new IdentityHashMap<>();
        int position = 0;
        out.writeVarLong(before.size());
        for (Lot lot : before) {
            Integer same = written.putIfAbsent(lot.pedigree(), position++);
            writeLot(out, lot, same == null ? -1 : same);
        }
        // a separation batch names thousands of input lots before and after it: found by id, not by a walk each
        Map<LotId, Integer> positions = new HashMap<>(before.size() * 2);
        for (int i = before.size() - 1; i >= 0; i--) {
            positions.put(before.get(i).id(), i);
        }
        out.writeVarLong(after.size());
        for (Lot lot : after) {
            Integer same = written.putIfAbsent(lot.pedigree(), position++);
            int base = positions.getOrDefault(lot.id(), -1);
            out.writeVarLong(base + 1);
            if (base < 0) {
                writeLot(out, lot, same == null ? -1 : same);
            } else {
                writeChanges(out, before.get(base), lot, same == null ? -1 : same);
            }
        }
        for (long[] account : List.of(delta.extracted(), delta.imported(), delta.lost(), delta.unexplained(),
                delta.adjusted())) {
            writeVector(out, account);
        }
    }

    public static UndoData undo(byte[] bytes) {
        return read(bytes, (in, version) -> {
            if (version != UNDO_WHOLE && version != UNDO_CHANGES) {
                throw new IllegalArgumentException("stored undo data of format " + version + ", this reads "
                        + UNDO_WHOLE + " and " + UNDO_CHANGES);
            }
            List<Pedigree> pedigrees = new ArrayList<>();
            List<Lot> before = readLots(in, pedigrees);
            List<Lot> after;
            if (version == UNDO_WHOLE) {
                after = readLots(in, pedigrees);
            } else {
                int n = (int) readVarLong(in);
                after = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    int base = (int) readVarLong(in) - 1;
                    if (base >= before.size()) {
                        throw new IOException("a lot changed from lot " + base + " of " + before.size());
                    }
                    after.add(base < 0 ? readLot(in, pedigrees) : readChanges(in, before.get(base), pedigrees));
                }
            }
            return new UndoData(before, after, Balance.of(readVector(in), readVector(in), readVector(in),
                    readVector(in), readVector(in)));
        });
    }

    /** {@code lot} as what changed from {@code base}, the same lot before the event: a mask, then those fields. */
    private static void writeChanges(ByteSink out, Lot base, Lot lot, int samePedigreeAs) {
        int changed = (lot.form() != base.form() ? FORM : 0)
                | (!lot.mass().equals(base.mass()) ? MASS : 0)
                | (!lot.composition().equals(base.composition()) ? COMPOSITION : 0)
                | (!lot.facility().equals(base.facility()) ? FACILITY : 0)
                | (!lot.holder().equals(base.holder()) ? HOLDER : 0)
                | (lot.status() != base.status() ? STATUS : 0)
                | (!Objects.equals(lot.destination(), base.destination()) ? DESTINATION : 0)
                // equals, not compareTo: 1.5 and 1.50 Bq/g differ in what was measured
                | (!Objects.equals(lot.activity(), base.activity()) ? ACTIVITY : 0)
                | (lot.pedigree() != base.pedigree() ? PEDIGREE : 0);
        out.writeVarLong(changed);
        if ((changed & FORM) != 0) {
            out.writeUtf(lot.form().name());
        }
        if ((changed & MASS) != 0) {
            out.writeVarLong(lot.mass().mg());
        }
        if ((changed & COMPOSITION) != 0) {
            writeVector(out, lot.composition().toArray());
        }
        if ((changed & FACILITY) != 0) {
            out.writeUtf(lot.facility().value());
        }
        if ((changed & HOLDER) != 0) {
            out.writeUtf(lot.holder().value());
        }
        if ((changed & STATUS) != 0) {
            out.writeUtf(lot.status().name());
        }
        if ((changed & DESTINATION) != 0) {
            out.writeUtf(lot.destination() == null ? "" : lot.destination().value());
        }
        if ((changed & ACTIVITY) != 0) {
            out.writeUtf(lot.activity() == null ? "" : lot.activity().toPlainString());
        }
        if ((changed & PEDIGREE) != 0) {
            out.writeVarLong(samePedigreeAs + 1);
            if (samePedigreeAs < 0) {
                writePedigree(out, lot.pedigree());
            }
        }
    }

    private static Lot readChanges(DataInputStream in, Lot base, List<Pedigree> pedigrees) throws IOException {
        int changed = (int) readVarLong(in);
        if ((changed & ~ALL_FIELDS) != 0) {
            throw new IOException("changed fields " + Integer.toBinaryString(changed) + " name more than a lot has");
        }
        MaterialForm form = (changed & FORM) != 0 ? MaterialForm.valueOf(in.readUTF()) : base.form();
        Mass mass = (changed & MASS) != 0 ? Mass.ofMilligrams(readVarLong(in)) : base.mass();
        Composition composition = (changed & COMPOSITION) != 0 ? Composition.ofArray(readVector(in))
                : base.composition();
        FacilityId facility = (changed & FACILITY) != 0 ? FacilityId.of(in.readUTF()) : base.facility();
        OperatorId holder = (changed & HOLDER) != 0 ? OperatorId.of(in.readUTF()) : base.holder();
        LotStatus status = (changed & STATUS) != 0 ? LotStatus.valueOf(in.readUTF()) : base.status();
        FacilityId destination = base.destination();
        if ((changed & DESTINATION) != 0) {
            String d = in.readUTF();
            destination = d.isEmpty() ? null : FacilityId.of(d);
        }
        BigDecimal activity = base.activity();
        if ((changed & ACTIVITY) != 0) {
            String a = in.readUTF();
            activity = a.isEmpty() ? null : new BigDecimal(a);
        }
        Pedigree pedigree = base.pedigree();
        if ((changed & PEDIGREE) != 0) {
            int same = (int) readVarLong(in) - 1;
            pedigree = same < 0 ? readPedigree(in) : pedigrees.get(same);
        }
        pedigrees.add(pedigree);
        return new Lot(base.id(), form, mass, composition, facility, holder, status, pedigree, destination, activity);
    }

    private static List<Lot> readLots(DataInputStream in, List<Pedigree> pedigrees) throws IOException {
        int n = (int) readVarLong(in);
        List<Lot> lots = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lots.add(readLot(in, pedigrees));
        }
        return lots;
    }

    /** A lot; {@code samePedigreeAs} is the position of an earlier lot of the same record with this pedigree, or -1. */
    private static void writeLot(ByteSink out, Lot lot, int samePedigreeAs) {
        out.writeUtf(lot.id().value());
        out.writeUtf(lot.form().name());
        out.writeVarLong(lot.mass().mg());
        writeVector(out, lot.composition().toArray());
        out.writeUtf(lot.facility().value());
        out.writeUtf(lot.holder().value());
        out.writeUtf(lot.status().name());
        out.writeUtf(lot.destination() == null ? "" : lot.destination().value());
        // as text: the lot compares activities by value, but the scale is what was measured
        out.writeUtf(lot.activity() == null ? "" : lot.activity().toPlainString());
        out.writeVarLong(samePedigreeAs + 1);
        if (samePedigreeAs < 0) {
            writePedigree(out, lot.pedigree());
        }
    }

    private static Lot readLot(DataInputStream in, List<Pedigree> pedigrees) throws IOException {
        LotId id = LotId.of(in.readUTF());
        MaterialForm form = MaterialForm.valueOf(in.readUTF());
        Mass mass = Mass.ofMilligrams(readVarLong(in));
        Composition composition = Composition.ofArray(readVector(in));
        FacilityId facility = FacilityId.of(in.readUTF());
        OperatorId holder = OperatorId.of(in.readUTF());
        LotStatus status = LotStatus.valueOf(in.readUTF());
        String destination = in.readUTF();
        String activity = in.readUTF();
        int same = (int) readVarLong(in) - 1;
        Pedigree pedigree = same < 0 ? readPedigree(in) : pedigrees.get(same);
        pedigrees.add(pedigree);
        return new Lot(id, form, mass, composition, facility, holder, status, pedigree,
                destination.isEmpty() ? null : FacilityId.of(destination),
                activity.isEmpty() ? null : new BigDecimal(activity));
    }

    private static void writePedigree(ByteSink out, Pedigree pedigree) {
        out.writeVarLong(pedigree.parts().size());
        for (Map.Entry<PedigreeKey, Composition> part : pedigree.parts().entrySet()) {
            Origin origin = part.getKey().origin();
            out.writeUtf(origin.kind().name());
            out.writeUtf(origin.source());
            out.writeUtf(origin.country().alpha2());
            out.writeVarLong(part.getKey().stages().size());
            for (Stage s : part.getKey().stages()) {
                out.writeUtf(s.kind().name());
                out.writeUtf(s.country().alpha2());
                out.writeUtf(s.technologyCountry().alpha2());
            }
            writeVector(out, part.getValue().toArray());
        }
    }

    private static Pedigree readPedigree(DataInputStream in) throws IOException {
        int n = (int) readVarLong(in);
        Map<PedigreeKey, Composition> parts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Origin origin = new Origin(Origin.Kind.valueOf(in.readUTF()), in.readUTF(), CountryCode.of(in.readUTF()));
            int stageCount = (int) readVarLong(in);
            List<Stage> stages = new ArrayList<>(stageCount);
            for (int s = 0; s < stageCount; s++) {
                stages.add(new Stage(StageKind.valueOf(in.readUTF()), CountryCode.of(in.readUTF()),
                        CountryCode.of(in.readUTF())));
            }
            parts.put(new PedigreeKey(origin, stages), Composition.ofArray(readVector(in)));
        }
        return Pedigree.of(parts);
    }

    /** An element vector: the mask of its non-zero elements, then each of them, signed. */
    private static void writeVector(ByteSink out, long[] mg) {
        int mask = 0;
        for (int i = 0; i < mg.length; i++) {
            if (mg[i] != 0) {
                mask |= 1 << i;
            }
        }
        out.writeVarLong(mask);
        for (long m : mg) {
            if (m != 0) {
                out.writeVarLong((m << 1) ^ (m >> 63));
            }
        }
    }

    private static long[] readVector(DataInputStream in) throws IOException {
        long[] mg = new long[Element.count()];
        int mask = (int) readVarLong(in);
        if (mask >>> mg.length != 0) {
            throw new IOException("element mask " + Integer.toBinaryString(mask) + " names more than "
                    + mg.length + " elements");
        }
        for (int i = 0; i < mg.length; i++) {
            if ((mask & (1 << i)) != 0) {
                long z = readVarLong(in);
                mg[i] = (z >>> 1) ^ -(z & 1);
            }
        }
        return mg;
    }

    private static long readVarLong(DataInputStream in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("a variable-length number runs over 64 bits");
    }

    private interface Reader<T> {
        T read(DataInputStream in, int version) throws IOException;
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            T value = reader.read(in, in.readUnsignedByte());
            if (in.available() > 0) {
                throw new IllegalArgumentException("stored ledger data has " + in.available() + " bytes too many");
            }
            return value;
        } catch (IOException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("stored ledger data is cut short or garbled: " + e.getMessage(), e);
        }
    }
}
