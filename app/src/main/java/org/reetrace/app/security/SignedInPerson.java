package org.reetrace.app.security;

import java.io.Serializable;

/**
 * Who is signed in to the pages: the caller of the token they signed in with, and that token's id, so that every
 * request checks the token again and a revoked or expired token ends the session at once.
 */
public record SignedInPerson(String tokenId, Caller caller) implements Serializable {
}
