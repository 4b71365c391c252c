package org.reetrace.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and resolves bearer tokens. A token is 256 random bits; the table keeps only its SHA-256, so
 * a copy of the database grants no access. A plain hash suffices (no salt, no slow KDF) because the
 * secret has full entropy: there is no dictionary to guess from.
 */
@Service
public class ApiTokens {

    /** Prefix that makes a leaked reetrace token recognisable to secret scanners and people. */
    static final String PREFIX = "rtk_";
    private static final int RANDOM_BYTES = 32;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a new token for {@code caller} and returns its clear text, which is not kept anywhere. */
    @Transactional
    public IssuedToken issue(Caller caller) {
        byte[] secret = new byte[RANDOM_BYTES];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("""
                insert into api_token (token_hash, name, role, operator_id, created_at)
                values (:hash, :name, :role, :operatorId, :createdAt)
                """)
                .param("hash", hash(token))
                .param("name", caller.name())
                .param("role", caller.role().name())
                .param("operatorId", caller.operatorId().orElse(null))
                .param("createdAt", Timestamp.from(clock.instant()))
                .update();
        return new IssuedToken(token, caller);
    }

    /** The caller a token was issued to, or empty for an unknown token. */
    public Optional<Caller> resolve(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("select name, role, operator_id from api_token where token_hash = :hash")
                .param("hash", hash(token))
                .query((row, n) -> new Caller(row.getString("name"), Role.valueOf(row.getString("role")),
                        Optional.ofNullable(row.getString("operator_id"))))
                .optional();
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
