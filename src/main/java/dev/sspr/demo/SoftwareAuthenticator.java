package dev.sspr.demo;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import dev.sspr.passkey.Ceremonies.Assertion;
import dev.sspr.passkey.Ceremonies.Attestation;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * A passkey in software (one ES256 key): answers a ceremony as a device would, without a browser. The
 * demo registers its passkey with it, through the same ceremony a browser goes through; tests use it
 * to answer with flags, counters and origins a real device would not send.
 */
public final class SoftwareAuthenticator {

	public static final int UP = 0x01;
	public static final int UV = 0x04;
	public static final int BE = 0x08;
	public static final int BS = 0x10;
	private static final int AT = 0x40;
	private static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();
	private static final ObjectConverter CONVERTER = new ObjectConverter();

	private final KeyPair keys;
	private final byte[] credentialId;
	private String rpId;
	private String origin;
	private int flags = UP | UV;
	private long signCount;

	private SoftwareAuthenticator(KeyPair keys, byte[] credentialId, String rpId, String origin) {
		this.keys = keys;
		this.credentialId = credentialId.clone();
		this.rpId = rpId;
		this.origin = origin;
	}

	/** A new key and credential id, for a relying party at this origin. */
	public static SoftwareAuthenticator create(String rpId, String origin) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			byte[] id = new byte[32];
			new SecureRandom().nextBytes(id);
			return new SoftwareAuthenticator(generator.generateKeyPair(), id, rpId, origin);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A known key (PKCS#8 and X.509, base64) and credential id (base64url). */
	public static SoftwareAuthenticator of(String privateKeyPkcs8, String publicKeyX509, String credentialId, String rpId,
			String origin) {
		try {
			KeyFactory factory = KeyFactory.getInstance("EC");
			PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyPkcs8)));
			ECPublicKey publicKey = (ECPublicKey) factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyX509)));
			return new SoftwareAuthenticator(new KeyPair(publicKey, privateKey), Base64.getUrlDecoder().decode(credentialId),
					rpId, origin);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The flags the next answers carry (user present and verified by default). */
	public SoftwareAuthenticator flags(int flags) {
		this.flags = flags;
		return this;
	}

	/** The counter the next assertion reports (it goes up by one with each assertion). */
	public SoftwareAuthenticator signCount(long count) {
		this.signCount = count;
		return this;
	}

	/** The origin the browser reports in the next answers. */
	public SoftwareAuthenticator origin(String origin) {
		this.origin = origin;
		return this;
	}

	/** The relying party id whose hash the next answers carry. */
	public SoftwareAuthenticator rpId(String rpId) {
		this.rpId = rpId;
		return this;
	}

	/**
	 * The private key, PKCS#8, base64 (standard, with padding): what the DevTools protocol's
	 * {@code WebAuthn.addCredential} takes to plant this passkey in a browser's virtual authenticator.
	 */
	public String privateKeyPkcs8() {
		return Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
	}

	public String credentialId() {
		return B64U.encodeToString(credentialId);
	}

	/** The answer to {@code navigator.credentials.create} for this challenge (attestation "none"). */
	public Attestation register(String challenge) {
		byte[] cose = CONVERTER.getCborConverter().writeValueAsBytes(
				EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
		ByteArrayOutputStream attested = new ByteArrayOutputStream();
		attested.writeBytes(new byte[16]);
		attested.writeBytes(ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
		attested.writeBytes(credentialId);
		attested.writeBytes(cose);
		byte[] authenticatorData = authenticatorData(flags | AT, signCount, attested.toByteArray());
		byte[] attestationObject = CONVERTER.getCborConverter().writeValueAsBytes(
				Map.of("fmt", "none", "attStmt", Map.of(), "authData", authenticatorData));
		return new Attestation(B64U.encodeToString(attestationObject),
				B64U.encodeToString(clientData("webauthn.create", challenge)), "internal");
	}

	/** The answer to {@code navigator.credentials.get} for this challenge, naming this user handle (or none). */
	public Assertion assertion(String challenge, String userHandle) {
		signCount++;
		byte[] authenticatorData = authenticatorData(flags, signCount, new byte[0]);
		byte[] clientData = clientData("webauthn.get", challenge);
		try {
			Signature signer = Signature.getInstance("SHA256withECDSA");
			signer.initSign(keys.getPrivate());
			signer.update(authenticatorData);
			signer.update(MessageDigest.getInstance("SHA-256").digest(clientData));
			return new Assertion(credentialId(), B64U.encodeToString(authenticatorData), B64U.encodeToString(clientData),
					B64U.encodeToString(signer.sign()), userHandle);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] authenticatorData(int withFlags, long count, byte[] attested) {
		try {
			byte[] rpIdHash = MessageDigest.getInstance("SHA-256").digest(rpId.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(32 + 1 + 4 + attested.length).put(rpIdHash).put((byte) withFlags)
					.putInt((int) count).put(attested).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] clientData(String type, String challenge) {
		return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
				+ "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
	}
}
