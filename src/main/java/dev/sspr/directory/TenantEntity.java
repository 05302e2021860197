package dev.sspr.directory;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "tenant")
class TenantEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;
	String name;
	String displayName;
	String helpdeskUrl;
	String helpdeskEmail;
	String brandColor;
	String logoType;
	long brandingVersion;
	String outsideGuestText;
	String outsideGuestUrl;

	TenantInfo toInfo() {
		return new TenantInfo(id, name, displayName, helpdeskUrl, helpdeskEmail, brandColor, logoType != null,
				brandingVersion);
	}
}
