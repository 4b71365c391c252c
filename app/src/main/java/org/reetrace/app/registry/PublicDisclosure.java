package org.reetrace.app.registry;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the PUBLIC role reads of the registry, as the regulator set it. Always open: what a buyer needs to check a
 * certificate (an operator's id, name and country; a facility's id, operator, name, kind and country). Everything
 * else is closed until the regulator opens it, category by category; every setting is kept with who made it and
 * when, so the rows are their own audit trail. Operators, customs, auditors and the regulator read the whole registry
 * whatever the setting.
 */
@Repository
public class PublicDisclosure {

    /** What the regulator can open to the public. */
    public enum Category {
        /** Operators' shareholders and state links. */
        SHAREHOLDINGS,
        /** Facilities' locations, processes, licensors and capacities. */
        FACILITY_DETAILS,
        /** Licences: kind, holder, facility, issuer and term. */
        LICENCES,
        /** Mining leases' areas (with {@link #LICENCES}). */
        LEASE_AREAS,
        /** Licences' annual quotas (with {@link #LICENCES}). */
        QUOTAS,
        /** The zones (reserves, protected areas) imported into the registry. */
        ZONES,
        /** Technology agreements and their terms. */
        AGREEMENTS,
        /** Every recorded registry change, which holds all of the above. */
        HISTORY
    }

    /** One setting: the categories opened, who set them and when. */
    public record Setting(long sequence, Set<Category> opened, String changedBy, Instant changedAt) {

        public Setting {
            opened = opened.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(opened));
            Objects.requireNonNull(changedBy, "changedBy");
            Objects.requireNonNull(changedAt, "changedAt");
        }

        /** In the order of the enum, for answers that read the same every time. */
        public List<Category> openedInOrder() {
            return opened.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(opened));
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public PublicDisclosure(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The categories open to the public now; none until the regulator opened some. */
    public Set<Category> opened() {
        return jdbc.sql("select opened from public_disclosure order by seq desc limit 1")
                .query((row, n) -> categories(row.getArray(1)))
                .optional()
                .orElse(Set.of());
    }

    /** Replaces the setting; the one before stays in the history. */
    @Transactional
    public Setting set(Set<Category> opened, String author) {
        Setting setting = new Setting(0, opened, author, clock.instant());
        long seq = jdbc.sql("""
                insert into public_disclosure (opened, changed_by, changed_at) values (:opened, :by, :at) returning seq
                """)
                .param("opened", setting.openedInOrder().stream().map(Enum::name).toArray(String[]::new))
                .param("by", author)
                .param("at", Timestamp.from(setting.changedAt()))
                .query(Long.class)
                .single();
        return new Setting(seq, setting.opened(), author, setting.changedAt());
    }

    /** Every setting, oldest first. */
    public List<Setting> history() {
        return jdbc.sql("select seq, opened, changed_by, changed_at from public_disclosure order by seq")
                .query((row, n) -> new Setting(row.getLong(1), categories(row.getArray(2)), row.getString(3),
                        row.getTimestamp(4).toInstant()))
                .list();
    }

    private static Set<Category> categories(Array array) throws java.sql.SQLException {
        List<Category> list = new ArrayList<>();
        for (Object name : (Object[]) array.getArray()) {
            list.add(Category.valueOf((String) name));
        }
        return list.isEmpty() ? Set.of() : EnumSet.copyOf(list);
    }
}
