/**
 * The published side of the dossier register (sổ theo dõi hồ sơ): what other packages may read of it
 * ({@link vn.onestop.register.DossierQueries}, returning {@link vn.onestop.register.DossierRow} and small
 * records) and the few facts they witness and hand to it ({@link vn.onestop.register.RegisterUpdates}).
 * Only the {@code dossier} package implements both, so only it writes {@code onestop.dossier},
 * {@code dossier_leg}, {@code dossier_event}, {@code supplement_request}, {@code apology} and
 * {@code explanation}. This package depends on nothing, so {@code document} (which {@code dossier} uses)
 * can read the register without a cycle.
 */
package vn.onestop.register;
