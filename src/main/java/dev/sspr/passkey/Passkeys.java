package dev.sspr.passkey;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.sspr.passkey.Ceremonies.Assertion;
import dev.sspr.passkey.Ceremonies.AssertionRequest;
import dev.sspr.passkey.Ceremonies.Attestation;
import dev.sspr.passkey.Ceremonies.CreationOptions;
import dev.sspr.passkey.Ceremonies.Proof;
import dev.sspr.passkey.Ceremonies.Registration;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal as a WebAuthn relying party: the only class that speaks webauthn4j. Registration needs
 * user verification and a discoverable credential; every assertion needs user verification, a fresh
 * single-use challenge, a credential of the expected user, its stored signature counter passed (a
 * clone shows as a counter that does not grow) and its backup-eligible flag unchanged. Attestation is
 * not asked for ({@code none}): the portal trusts the user's own device, not a maker.
 */
@Service
public class Passkeys {

	/** ES256 first (every platform authenticator), RS256 for Windows Hello's older keys. */
	private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
			new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
			new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));
	/** The algorithm identifiers as the creation options name them. */
	public static final List<Long> ALGORITHM_IDS = List.of(-7L, -257L);
	public static final int NAME_MAX_LENGTH = 64;

	private final RelyingPartySettings settings;
	private final WebAuthnProperties properties;
	private final PasskeyStore store;
	private final Challenges challenges;
	private final Clock clock;
	private final WebAuthnManager webAuthn;
	private final AttestedCredentialDataConverter credentialData;
	private final SecureRandom random = new SecureRandom();

	Passkeys(WebAuthnProperties properties, @Value("${sspr.public-url:}") String publicUrl, PasskeyStore store,
			Challenges challenges, Clock clock) {
		this.settings = RelyingPartySettings.of(properties, publicUrl);
		this.properties = properties;
		this.store = store;
		this.challenges = challenges;
		this.clock = clock;
		ObjectConverter json = new ObjectConverter();
		this.webAuthn = WebAuthnManager.createNonStrictWebAuthnManager(json);
		this.credentialData = new AttestedCredentialDataConverter(json);
	}

	public String rpId() {
		return settings.rpId();
	}

	public String rpName() {
		return settings.rpName();
	}

	public Duration timeout() {
		return properties.timeout();
	}

	/** What a page's passkey form names: the relying party and how long the device may take. */
	public record RelyingParty(String id, String name, long timeoutMillis) {
	}

	public RelyingParty relyingParty() {
		return new RelyingParty(settings.rpId(), settings.rpName(), properties.timeout().toMillis());
	}

	public int maxPerUser() {
		return properties.maxPerUser();
	}

	// --- what a user has

	@Transactional(readOnly = true)
	public List<Passkey> of(long userPk) {
		return store.list(userPk);
	}

	@Transactional(readOnly = true)
	public int count(long userPk) {
		return store.count(userPk);
	}

	/** Passkeys per user of a tenant, in one query (the console's lists); users without one are absent. */
	@Transactional(readOnly = true)
	public Map<Long, Integer> countsInTenant(long tenantId) {
		return store.countsInTenant(tenantId);
	}

	/** The passkey's name, if it is this user's. */
	@Transactional(readOnly = true)
	public Optional<String> name(long userPk, long id) {
		return store.name(userPk, id);
	}

	/** Renames one of the user's passkeys; false when it is not theirs (or gone). */
	@Transactional
	public boolean rename(long userPk, long id, String name) {
		return store.rename(userPk, id, name);
	}

	/** Deletes one of the user's passkeys; false when it is not theirs (or gone). */
	@Transactional
	public boolean delete(long userPk, long id) {
		return store.delete(userPk, id);
	}

	/**
	 * Deletes every passkey of the user (an administrator's "register again"); answers how many went.
	 * The user handle stays: a passkey registered later is still the same account's.
	 */
	@Transactional
	public int deleteAll(long userPk) {
		return store.deleteAll(userPk);
	}

	// --- registration

	/** Options for a new passkey of this user; the caller keeps them in the session until answered. */
	@Transactional
	public CreationOptions creationOptions(long userPk, String userName, String displayName) {
		byte[] candidate = new byte[32];
		random.nextBytes(candidate);
		String handle = store.userHandle(userPk, Challenges.B64U.encodeToString(candidate));
		return new CreationOptions(challenges.issue(), handle, userName, displayName, store.credentialIds(userPk),
				clock.instant().plus(properties.timeout()));
	}

	/** Verifies the browser's answer to these options and stores the passkey under the name given. */
	@Transactional
	public Registration register(long userPk, CreationOptions options, Attestation answer, String name) {
		if (challenges.expired(options.expiresAt()) || !challenges.consume(options.challenge(), options.expiresAt())) {
			return Registration.EXPIRED;
		}
		if (store.count(userPk) >= properties.maxPerUser()) {
			return Registration.TOO_MANY;
		}
		RegistrationData data;
		try {
			Set<AuthenticatorTransport> transports = transports(answer.transports());
			data = webAuthn.verify(new RegistrationRequest(decode(answer.attestationObject()),
					decode(answer.clientDataJson()), null, transports.stream().map(AuthenticatorTransport::getValue)
							.collect(Collectors.toSet())),
					new RegistrationParameters(server(options.challenge()), ALGORITHMS, true, true));
		}
		catch (VerificationException | DataConversionException | IllegalArgumentException ex) {
			return Registration.REFUSED;
		}
		AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authenticator = data.getAttestationObject()
				.getAuthenticatorData();
		AttestedCredentialData credential = authenticator.getAttestedCredentialData();
		String credentialId = Challenges.B64U.encodeToString(credential.getCredentialId());
		if (store.find(credentialId).isPresent()) {
			return Registration.ALREADY_REGISTERED;
		}
		try {
			store.insert(userPk, credentialId, credentialData.convert(credential), authenticator.getSignCount(),
					authenticator.isFlagUV(), authenticator.isFlagBE(), authenticator.isFlagBS(),
					data.getTransports() == null ? null : data.getTransports().stream().map(AuthenticatorTransport::getValue)
							.sorted().collect(Collectors.joining(",")),
					name, clock.instant());
		}
		catch (DuplicateKeyException ex) {
			return Registration.ALREADY_REGISTERED;
		}
		return Registration.ADDED;
	}

	// --- proving a reset

	/** A fresh challenge for this user's own passkeys (never another user's). */
	@Transactional(readOnly = true)
	public AssertionRequest assertionRequest(long userPk) {
		return new AssertionRequest(challenges.issue(), store.credentialIds(userPk),
				clock.instant().plus(properties.timeout()));
	}

	/** Checks an answer to a request made for this user; the challenge is spent whatever the outcome. */
	@Transactional
	public Proof prove(long userPk, AssertionRequest request, Assertion answer) {
		if (challenges.expired(request.expiresAt())) {
			return Proof.EXPIRED;
		}
		if (!challenges.consume(request.challenge(), request.expiresAt())) {
			return Proof.REPLAYED;
		}
		Optional<PasskeyStore.Row> row = store.find(answer.credentialId()).filter(r -> r.userPk() == userPk)
				.filter(r -> request.allowedCredentials().contains(r.credentialId()));
		if (row.isEmpty()) {
			return Proof.WRONG;
		}
		return verify(row.get(), request.challenge(), answer, request.allowedCredentials());
	}

	// --- signing in

	/** A sign-in challenge: nothing is stored until it is answered. */
	public AssertionRequest signInRequest() {
		Instant expires = clock.instant().plus(properties.timeout());
		return new AssertionRequest(challenges.issueSigned(expires), List.of(), expires);
	}

	/**
	 * Whose passkey this credential id names, before anything is verified: sign-in counts the attempt
	 * against that user's limit, as a typed user ID would be.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> ownerOf(String credentialId) {
		return credentialId == null || credentialId.isBlank() ? Optional.empty()
				: store.find(credentialId).map(PasskeyStore.Row::userPk);
	}

	/**
	 * The user a sign-in answer proves, when it answers a challenge this portal signed, not expired and
	 * not answered before, with a registered passkey whose owner the answer names.
	 */
	@Transactional
	public Optional<Long> signIn(String challenge, Assertion answer) {
		if (challenge == null || answer == null) {
			return Optional.empty();
		}
		Optional<Instant> expires = challenges.expiryOfSigned(challenge);
		if (expires.isEmpty() || challenges.expired(expires.get())) {
			return Optional.empty();
		}
		Optional<PasskeyStore.Row> row = store.find(answer.credentialId());
		// Nobody was named before this ceremony, so the device must say whose passkey it is (spec step 6).
		if (row.isEmpty() || answer.userHandle() == null || answer.userHandle().isEmpty()
				|| !challenges.consume(challenge, expires.get())) {
			return Optional.empty();
		}
		return verify(row.get(), challenge, answer, List.of(row.get().credentialId())) == Proof.VALID
				? Optional.of(row.get().userPk()) : Optional.empty();
	}

	private Proof verify(PasskeyStore.Row row, String challenge, Assertion answer, List<String> allowed) {
		Optional<String> handle = store.userHandle(row.userPk());
		// Spec step 6: a user handle, when the device sends one, must be the credential owner's.
		if (answer.userHandle() != null && !answer.userHandle().isEmpty()
				&& (handle.isEmpty() || !MessageDigest.isEqual(handle.get().getBytes(), answer.userHandle().getBytes()))) {
			return Proof.WRONG;
		}
		try {
			CredentialRecordImpl record = new CredentialRecordImpl(null, row.uvInitialized(), row.backupEligible(),
					row.backupState(), row.signCount(), credentialData.convert(row.attestedCredentialData()), null, null,
					null, transports(row.transports()));
			AuthenticationData data = webAuthn.verify(new AuthenticationRequest(decode(row.credentialId()),
					answer.userHandle() == null || answer.userHandle().isEmpty() ? null : decode(answer.userHandle()),
					decode(answer.authenticatorData()), decode(answer.clientDataJson()), null, decode(answer.signature())),
					new AuthenticationParameters(server(challenge), record,
							allowed.stream().map(Passkeys::decode).toList(), true, true));
			// A second use of the same counter at once (two instances) finds the row moved on.
			long presented = data.getAuthenticatorData().getSignCount();
			return store.used(row, Math.max(presented, row.signCount()), record.isBackedUp(), record.isUvInitialized(),
					clock.instant()) ? Proof.VALID : Proof.REPLAYED;
		}
		catch (VerificationException | DataConversionException | IllegalArgumentException ex) {
			return Proof.WRONG;
		}
	}

	private ServerProperty server(String challenge) {
		return ServerProperty.builder().originPredicate(origin -> settings.allows(origin.toString())).rpId(settings.rpId())
				.challenge(new DefaultChallenge(decode(challenge))).build();
	}

	private static Set<AuthenticatorTransport> transports(String joined) {
		Set<AuthenticatorTransport> transports = new LinkedHashSet<>();
		if (joined != null) {
			Arrays.stream(joined.split(",")).map(String::strip).filter(t -> t.matches("[a-z-]{1,20}")).limit(8)
					.forEach(t -> transports.add(AuthenticatorTransport.create(t)));
		}
		return transports;
	}

	static byte[] decode(String base64url) {
		if (base64url == null) {
			throw new IllegalArgumentException("missing value");
		}
		return Challenges.DECODE.decode(base64url.strip());
	}
}
