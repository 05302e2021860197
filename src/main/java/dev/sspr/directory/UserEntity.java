package dev.sspr.directory;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

@Entity
@Table(name = "directory_user")
class UserEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;
	Long tenantId;
	String userId;
	String displayName;
	String givenName;
	String surname;
	String primaryEmail;
	String alternateEmail;
	String authEmail;
	String mobilePhone;
	String authPhone;
	String officePhone;
	boolean enabled;
	boolean locked;
	boolean licensed;
	@Enumerated(EnumType.STRING)
	PasswordSource passwordSource;
	String passwordHash;
	long securityStamp;
	Instant passwordChangedAt;
	Instant securityInfoConfirmedAt;
	/** The on-premises directory's id of the entry this user was synchronized from, or null. */
	String externalId;
	@Enumerated(EnumType.STRING)
	AccountKind accountKind = AccountKind.MEMBER;
	String externalEmail;
	String provenEmail;
	Long homeUserId;
	String homeOrganization;

	// Batched: a page of users costs two more queries, not two per user.
	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 64)
	@CollectionTable(name = "user_group", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "group_name")
	Set<String> groups = new HashSet<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 64)
	@CollectionTable(name = "user_admin_role", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "role_name")
	Set<String> adminRoles = new HashSet<>();

	UserAccount toAccount() {
		return new UserAccount(id, tenantId, userId, displayName, givenName, surname, primaryEmail, alternateEmail,
				authEmail, mobilePhone, authPhone, officePhone, groups, adminRoles, enabled, locked, licensed,
				passwordSource, securityStamp, securityInfoConfirmedAt, guest());
	}

	private Guest guest() {
		return accountKind == null || accountKind == AccountKind.MEMBER ? null
				: new Guest(accountKind, externalEmail, provenEmail, homeUserId, homeOrganization);
	}
}
