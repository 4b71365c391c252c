package org.reetrace.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, checks, lists and revokes bearer tokens. A token is 256 random bits; the table keeps only its SHA-256, so
 * a copy of the database grants no access. A plain hash suffices (no salt, no slow KDF) because the secret has full
 * entropy: there is no dictionary to guess from. Each token also has an id, which names it without granting
 * anything, an optional expiry (operators' tokens always have one), its last use and its revocation.
 */
@Repository
public class ApiTokens {

    /** Prefix that makes a leaked reetrace token recognisable to secret scanners and people. */
    static final String PREFIX = "rtk_";
    private static final int RANDOM_BYTES = 32;
    private static final Pattern ID = Pattern.compile("tok_[0-9a-f]{16}");
    /** The last use is written at most this often per token: a write with every request would double their cost. */
    static final Duration LAST_USE_GRAIN = Duration.ofMinutes(1);
    /** The latest expiry that may be asked for: further is a typing error, and past what the database stores. */
    private static final Duration LONGEST = Duration.ofDays(36_525);
    private static final String COLUMNS = "id, name, role, operator_id, created_at, expires_at, last_used_at,"
            + " revoked_at, revoked_by";

    /** What a presented token is worth. */
    public sealed interface Check {
        record Valid(String id, Caller caller) implements Check {
        }

        record Expired(Instant at) implements Check {
        }

        record Revoked() implements Check {
        }

        /** Not a token of this server, or not a token at all. */
        record Unknown() implements Check {
        }
    }

    /** A token asked for an operator the registry does not hold. */
    public static final class UnknownOperator extends RuntimeException {
        UnknownOperator(String operatorId, Throwable cause) {
            super("operator " + operatorId + " is not in the registry", cause);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TokenSettings settings;
    private final SecureRandom random = new SecureRandom();

    /** With the default settings, for a tool that issues tokens outside the application. */
    public ApiTokens(JdbcClient jdbc, Clock clock) {
        this(jdbc, clock, TokenSettings.defaults());
    }

    @Autowired
    public ApiTokens(JdbcClient jdbc, Clock clock, TokenSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /** As {@link #issue(Caller, Optional)} with the default expiry: operators' lifetime, none for other roles. */
    public IssuedToken issue(Caller caller) {
        return issue(caller, Optional.empty());
    }

    /**
     * Stores a new token for {@code caller} and returns its clear text, which is not kept anywhere.
     *
     * @param expires when it should stop being valid: in the future and, for an operator, no later than the
     *                operators' lifetime from now; empty for the default
     * @throws IllegalArgumentException for an expiry outside those bounds
     * @throws UnknownOperator if the caller acts for an operator the registry does not hold
     */
    @Transactional
    public IssuedToken issue(Caller caller, Optional<Instant> expires) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Instant> expiry = expiry(caller, expires, now);
        byte[] secret = new byte[RANDOM_BYTES];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        byte[] idBytes = new byte[8];
        random.nextBytes(idBytes);
        String id = "tok_" + HexFormat.of().formatHex(idBytes);
        try {
            insert(id, token, caller, now, expiry);
        } catch (DataIntegrityViolationException e) {
            throw new UnknownOperator(caller.operatorId().orElse(""), e);
        }
        return new IssuedToken(id, token, caller, expiry);
    }

    private void insert(String id, String token, Caller caller, Instant now, Optional<Instant> expiry) {
        jdbc.sql("""
                insert into api_token (id, token_hash, name, role, operator_id, created_at, expires_at)
                values (:id, :hash, :name, :role, :operatorId, :createdAt, :expiresAt)
                """)
                .param("id", id)
                .param("hash", hash(token))
                .param("name", caller.name())
                .param("role", caller.role().name())
                .param("operatorId", caller.operatorId().orElse(null))
                .param("createdAt", Timestamp.from(now))
                .param("expiresAt", expiry.map(Timestamp::from).orElse(null))
                .update();
    }

    private Optional<Instant> expiry(Caller caller, Optional<Instant> asked, Instant now) {
        if (asked.isPresent() && !asked.get().isAfter(now)) {
            throw new IllegalArgumentException("a token's expiry must be in the future, not " + asked.get());
        }
        if (asked.isPresent() && asked.get().isAfter(now.plus(LONGEST))) {
            throw new IllegalArgumentException("a token's expiry must be within " + LONGEST.toDays() + " days, not "
                    + asked.get() + "; for a token valid until revoked, ask for none");
        }
        if (caller.role() != Role.OPERATOR) {
            return asked;
        }
        Instant longest = now.plus(settings.operatorLifetime());
        if (asked.isPresent() && asked.get().isAfter(longest)) {
            throw new IllegalArgumentException("an operator's token expires within " + settings.operatorLifetime()
                    .toDays() + " days (reetrace.tokens.operator-lifetime), by " + longest + ", not " + asked.get());
        }
        return Optional.of(asked.orElse(longest));
    }

    /** The caller a token was issued to, or empty for an unknown, expired or revoked token. */
    public Optional<Caller> resolve(String token) {
        return check(token) instanceof Check.Valid valid ? Optional.of(valid.caller()) : Optional.empty();
    }

    /** What {@code token} is worth now; a valid token's use is recorded, to the minute. */
    public Check check(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return new Check.Unknown();
        }
        Optional<StoredToken> found = jdbc.sql("select " + COLUMNS + " from api_token where token_hash = :hash")
                .param("hash", hash(token))
                .query((row, n) -> stored(row))
                .optional();
        if (found.isEmpty()) {
            return new Check.Unknown();
        }
        StoredToken stored = found.get();
        Instant now = clock.instant();
        return switch (stored.status(now)) {
            case REVOKED -> new Check.Revoked();
            case EXPIRED -> new Check.Expired(stored.expires().orElseThrow());
            case VALID -> {
                if (stored.lastUsed().filter(last -> last.plus(LAST_USE_GRAIN).isAfter(now)).isEmpty()) {
                    jdbc.sql("update api_token set last_used_at = :now where id = :id")
                            .param("now", Timestamp.from(now))
                            .param("id", stored.id())
                            .update();
                }
                yield new Check.Valid(stored.id(), stored.caller());
            }
        };
    }

    /** Every token, or those acting for one operator, oldest first. */
    public List<StoredToken> list(Optional<String> operatorId) {
        return jdbc.sql("select " + COLUMNS + " from api_token"
                        + " where cast(:operator as text) is null or operator_id = :operator order by created_at, id")
                .param("operator", operatorId.orElse(null))
                .query((row, n) -> stored(row))
                .list();
    }

    public Optional<StoredToken> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from api_token where id = :id")
                .param("id", id)
                .query((row, n) -> stored(row))
                .optional();
    }

    /**
     * Revokes the token {@code id} from now on; a token revoked before keeps its first revocation.
     *
     * @param by who revoked it, as the audit shows
     * @return the token as it now is, or empty if there is none with that id
     */
    @Transactional
    public Optional<StoredToken> revoke(String id, String by) {
        if (find(id).isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("update api_token set revoked_at = :now, revoked_by = :by where id = :id and revoked_at is null")
                .param("now", Timestamp.from(clock.instant()))
                .param("by", by)
                .param("id", id)
                .update();
        return find(id);
    }

    private static StoredToken stored(ResultSet row) throws SQLException {
        Caller caller = new Caller(row.getString("name"), Role.valueOf(row.getString("role")),
                Optional.ofNullable(row.getString("operator_id")));
        return new StoredToken(row.getString("id"), caller, row.getTimestamp("created_at").toInstant(),
                instant(row, "expires_at"), instant(row, "last_used_at"), instant(row, "revoked_at"),
                Optional.ofNullable(row.getString("revoked_by")));
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        Timestamp t = row.getTimestamp(column);
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }

    static String hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
