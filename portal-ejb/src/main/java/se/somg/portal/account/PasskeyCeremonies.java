package se.somg.portal.account;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.somg.portal.Refusal;

/**
 * The WebAuthn relying party (webauthn4j): the options a browser's {@code navigator.credentials} calls take, and the
 * checks of what the authenticator answered. The relying party is the host of {@code portal.base-url}; an answer is
 * accepted from a page of that host over its scheme (any port, so every node of a cluster and a test's random port
 * qualify). Passkeys must verify their user (a PIN, a fingerprint), so a passkey alone is two factors.
 */
@ApplicationScoped
public class PasskeyCeremonies {

    /** How long a browser may take to answer, and a challenge stays valid. */
    public static final long TIMEOUT_MILLIS = 120_000;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();
    private static final List<COSEAlgorithmIdentifier> ALGORITHMS =
            List.of(COSEAlgorithmIdentifier.ES256, COSEAlgorithmIdentifier.EdDSA, COSEAlgorithmIdentifier.RS256);

    @Inject
    @ConfigProperty(name = "portal.base-url", defaultValue = "http://localhost:8080")
    private String baseUrl;

    private final ObjectConverter converter = new ObjectConverter();
    private WebAuthnManager manager;
    private String rpId;
    private String scheme;

    @PostConstruct
    void configure() {
        URI base = URI.create(baseUrl);
        rpId = base.getHost();
        scheme = base.getScheme();
        manager = WebAuthnManager.createNonStrictWebAuthnManager(converter);
    }

    /** 32 random bytes for one ceremony; the caller keeps them with the session and hands them back once. */
    public static byte[] newChallenge() {
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        return challenge;
    }

    public static String newUserHandle() {
        byte[] handle = new byte[32];
        RANDOM.nextBytes(handle);
        return B64URL.encodeToString(handle);
    }

    /** {@code PublicKeyCredentialCreationOptions} as JSON (WebAuthn level 3's JSON form). */
    public String creationOptions(
            byte[] challenge, String userHandle, String userName, String displayName, List<String> existingKeyIds) {
        JsonArrayBuilder params = Json.createArrayBuilder();
        ALGORITHMS.forEach(alg ->
                params.add(Json.createObjectBuilder().add("type", "public-key").add("alg", alg.getValue())));
        return Json.createObjectBuilder()
                .add("challenge", B64URL.encodeToString(challenge))
                .add("rp", Json.createObjectBuilder().add("id", rpId).add("name", "SOMG"))
                .add(
                        "user",
                        Json.createObjectBuilder()
                                .add("id", userHandle)
                                .add("name", userName)
                                .add("displayName", displayName))
                .add("pubKeyCredParams", params)
                .add("timeout", TIMEOUT_MILLIS)
                .add("attestation", "none")
                .add(
                        "authenticatorSelection",
                        Json.createObjectBuilder()
                                .add("residentKey", "required")
                                .add("requireResidentKey", true)
                                .add("userVerification", "required"))
                .add("excludeCredentials", descriptors(existingKeyIds))
                .build()
                .toString();
    }

    /**
     * {@code PublicKeyCredentialRequestOptions} as JSON.
     *
     * @param allowedKeyIds empty for a sign-in with a passkey alone (the authenticator offers the account's passkey)
     */
    public String requestOptions(byte[] challenge, List<String> allowedKeyIds) {
        return Json.createObjectBuilder()
                .add("challenge", B64URL.encodeToString(challenge))
                .add("rpId", rpId)
                .add("timeout", TIMEOUT_MILLIS)
                .add("userVerification", "required")
                .add("allowCredentials", descriptors(allowedKeyIds))
                .build()
                .toString();
    }

    private static JsonArrayBuilder descriptors(List<String> keyIds) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        keyIds.forEach(id ->
                list.add(Json.createObjectBuilder().add("type", "public-key").add("id", id)));
        return list;
    }

    /** What a verified registration leaves to keep. */
    public record Registered(String keyId, byte[] attestedData, long signCount) {}

    /** @throws Refusal when the answer is malformed, for another challenge or origin, or lacks user verification */
    public Registered register(String responseJson, byte[] challenge) {
        try {
            RegistrationData data = manager.verifyRegistrationResponseJSON(
                    responseJson,
                    new RegistrationParameters(
                            server(challenge),
                            ALGORITHMS.stream()
                                    .map(alg ->
                                            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, alg))
                                    .toList(),
                            true,
                            true));
            var authenticatorData = data.getAttestationObject().getAuthenticatorData();
            AttestedCredentialData attested = authenticatorData.getAttestedCredentialData();
            return new Registered(
                    B64URL.encodeToString(attested.getCredentialId()),
                    new AttestedCredentialDataConverter(converter).convert(attested),
                    authenticatorData.getSignCount());
        } catch (RuntimeException refused) {
            throw new Refusal("passkey.failed");
        }
    }

    /** The passkey an assertion names, and the user handle it carries, before it is checked. */
    public record Claimed(String keyId, Optional<String> userHandle) {}

    public Claimed claimed(String responseJson) {
        try {
            AuthenticationData data = manager.parseAuthenticationResponseJSON(responseJson);
            return new Claimed(
                    B64URL.encodeToString(data.getCredentialId()),
                    Optional.ofNullable(data.getUserHandle()).map(B64URL::encodeToString));
        } catch (RuntimeException malformed) {
            throw new Refusal("passkey.failed");
        }
    }

    /**
     * @return the authenticator's new signature counter
     * @throws Refusal when the signature, challenge, origin or user verification does not hold
     */
    public long verify(String responseJson, byte[] challenge, Passkey passkey) {
        try {
            AuthenticationData data = manager.parseAuthenticationResponseJSON(responseJson);
            AttestedCredentialData attested =
                    new AttestedCredentialDataConverter(converter).convert(passkey.getAttestedData());
            CredentialRecordImpl record = new CredentialRecordImpl(
                    null, null, null, null, passkey.getSignCount(), attested, null, null, null, null);
            manager.verify(
                    data,
                    new AuthenticationParameters(
                            server(challenge), record, List.of(B64URL_DECODER.decode(passkey.getKeyId())), true));
            return data.getAuthenticatorData().getSignCount();
        } catch (RuntimeException refused) {
            throw new Refusal("passkey.failed");
        }
    }

    private ServerProperty server(byte[] challenge) {
        return ServerProperty.builder()
                .originPredicate(origin -> scheme.equals(origin.getScheme()) && rpId.equals(origin.getHost()))
                .rpId(rpId)
                .challenge(new DefaultChallenge(challenge))
                .build();
    }

    public String relyingPartyId() {
        return rpId;
    }
}
