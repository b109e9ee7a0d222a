package kr.go.ax.applications.applications;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The regional industries an application targets (지역 주력산업). */
@Schema(description = "A regional key industry the application targets")
public enum IndustryFocus {
    AUTOMOTIVE, SHIPBUILDING, MACHINERY, ENERGY, CHEMICALS, SEMICONDUCTORS, DISPLAYS, ELECTRONICS, BATTERIES,
    STEEL, AEROSPACE, DEFENSE, ROBOTICS, BIO_HEALTH, MEDICAL_DEVICES, COSMETICS, TEXTILES, TOURISM, AGRI_FOOD,
    FISHERIES, LOGISTICS, CONSTRUCTION, CONTENT_MEDIA, ICT_SOFTWARE, OTHER
}
