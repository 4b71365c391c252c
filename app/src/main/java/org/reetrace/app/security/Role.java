package org.reetrace.app.security;

/** What a caller may do (docs/design.md section 8). Only {@link #OPERATOR} acts for one operator. */
public enum Role {
    /** The national agency and its departments: reads everything. */
    REGULATOR,
    /** A company that mines, processes, makes, holds or exports material: writes only for its own facilities. */
    OPERATOR,
    /** Customs: export and import declarations. */
    CUSTOMS,
    /** An auditor appointed to inspect records. */
    AUDITOR,
    /** Anyone, e.g. a foreign buyer verifying a certificate. */
    PUBLIC
}
