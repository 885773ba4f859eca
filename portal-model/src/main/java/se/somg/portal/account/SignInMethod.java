package se.somg.portal.account;

/** How a sign-in was proven: shown to the owner in their sign-in history. */
public enum SignInMethod {
    /** The password alone (no second factor enrolled, or a browser the owner trusts). */
    PASSWORD,
    /** The password and a code from an authenticator app. */
    CODE,
    /** The password and one of the single-use recovery codes. */
    RECOVERY_CODE,
    /** A passkey (alone, or after the password). */
    PASSKEY
}
