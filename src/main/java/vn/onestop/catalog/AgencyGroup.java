package vn.onestop.catalog;

/**
 * A Camunda group derived from the organisation, for the identity sync to create.
 *
 * @param id       group id, {@code <agencyId>-<role suffix>} (e.g. {@code xa-nhan-co-clerks})
 * @param name     Vietnamese display name (e.g. "Công chức tiếp nhận và trả kết quả – UBND xã Nhân Cơ")
 * @param agencyId the agency the group belongs to
 * @param role     the role the group stands for
 */
public record AgencyGroup(String id, String name, String agencyId, AgencyRole role) {}
