import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context.ts";
import { registerCheckClerkUser } from "./auth/clerk-check-user.ts";
import { registerExchangeImpersonationToken } from "./auth/impersonation-exchange.ts";
import { registerStreamSignupJob } from "./auth/signup-job-stream.ts";
import { registerSignup } from "./auth/signup.ts";
import { registerGetStripeInvite } from "./auth/stripe-invite-get.ts";
import { registerLookupPaymentInvite } from "./auth/stripe-invite-lookup.ts";
import { registerSignupWithStripeInviteAsync } from "./auth/stripe-invite-signup-async.ts";
import { registerSignupWithStripeInvite } from "./auth/stripe-invite-signup.ts";
import { registerCountApiKeys } from "./api-keys/count-api-keys.ts";
import { registerListApiKeys } from "./api-keys/list-api-keys.ts";
import { registerGetApiKey } from "./api-keys/get-api-key.ts";
import { registerCreateApiKey } from "./api-keys/create-api-key.ts";
import { registerRevokeApiKey } from "./api-keys/revoke-api-key.ts";
import { registerRotateApiKey } from "./api-keys/rotate-api-key.ts";
import { registerToggleApiKey } from "./api-keys/toggle-api-key.ts";
import { registerUpdateApiKey } from "./api-keys/update-api-key.ts";
import { registerDeleteApiKey } from "./api-keys/delete-api-key.ts";
import { registerListPermissions } from "./permissions/list-permissions.ts";
import { registerListPermissionsGrouped } from "./permissions/list-permissions-grouped.ts";
import { registerGetMyPermissions } from "./permissions/get-my-permissions.ts";
import { registerCheckPermission } from "./permissions/check-permission.ts";
import { registerListRolePermissions } from "./permissions/list-role-permissions.ts";
import { registerGetRolePermissions } from "./permissions/get-role-permissions.ts";
import { registerBulkUpdateRolePermissions } from "./permissions/bulk-update-role-permissions.ts";
import { registerSetRolePermission } from "./permissions/set-role-permission.ts";
import { registerResetRolePermissions } from "./permissions/reset-role-permissions.ts";
import { registerSeedPermissions } from "./permissions/seed-permissions.ts";
import { registerListModuleSettings } from "./modules/list-module-settings.ts";
import { registerGetModuleSettings } from "./modules/get-module-settings.ts";
import { registerCreateModuleSettings } from "./modules/create-module-settings.ts";
import { registerUpdateModuleSettings } from "./modules/update-module-settings.ts";
import { registerToggleModule } from "./modules/toggle-module.ts";
import { registerGetWorkspaceHealth } from "./workspace-health/get-workspace-health.ts";
import { registerTriggerMigration } from "./workspace-health/trigger-migration.ts";
import { registerStreamMigrationProgress } from "./workspace-health/stream-migration-progress.ts";
import { registerCompleteActivation } from "./auth/complete-activation.ts";
import { registerGetCurrentUser } from "./auth/get-current-user.ts";
import { registerGetUserById } from "./auth/get-user-by-id.ts";
import { registerLogin } from "./auth/login.ts";
import { registerLogout } from "./auth/logout.ts";
import { registerRefreshToken } from "./auth/refresh-token.ts";
import { registerRegisterUser } from "./auth/register-user.ts";
import { registerRequestPasswordReset } from "./auth/request-password-reset.ts";
import { registerResendActivationEmail } from "./auth/resend-activation-email.ts";
import { registerResetPassword } from "./auth/reset-password.ts";
import { registerUpdateCurrentUser } from "./auth/update-current-user.ts";
import { registerUpdateUser } from "./auth/update-user.ts";
import { registerUploadMyAvatar } from "./auth/upload-my-avatar.ts";
import { registerUploadUserAvatar } from "./auth/upload-user-avatar.ts";
import { registerValidateActivationToken } from "./auth/validate-activation-token.ts";
import { registerGetRoot, serviceVersion } from "./system/get-root.ts";
import { registerHealthCheck } from "./system/health-check.ts";
import { registerSelectWorkspace } from "./system/select-workspace.ts";
import { registerPutUploadedFile, registerServeUploadedFile } from "./uploads/serve-uploaded-file.ts";
import { registerListWorkspaces } from "./workspaces/list-workspaces.ts";
import { registerGetInvitationDetails } from "./workspaces/get-invitation-details.ts";
import { registerCreateWorkspace } from "./workspaces/create-workspace.ts";
import { registerProvisionWorkspace } from "./workspaces/provision-workspace.ts";
import { registerSwitchWorkspace } from "./workspaces/switch-workspace.ts";
import { registerAcceptInvitation } from "./workspaces/accept-invitation.ts";
import { registerCancelInvitation } from "./workspaces/cancel-invitation.ts";
import { registerGetWorkspace } from "./workspaces/get-workspace.ts";
import { registerUpdateWorkspace } from "./workspaces/update-workspace.ts";
import { registerListWorkspaceMembers } from "./workspaces/list-workspace-members.ts";
import { registerRemoveWorkspaceMember } from "./workspaces/remove-workspace-member.ts";
import { registerInviteWorkspaceUser } from "./workspaces/invite-workspace-user.ts";
import { registerGenerateInviteLink } from "./workspaces/generate-invite-link.ts";
import { registerResendInvitation } from "./workspaces/resend-invitation.ts";
import { registerSendMemberPasswordReset } from "./workspaces/send-member-password-reset.ts";
import { registerGeneratePasswordResetLink } from "./workspaces/generate-password-reset-link.ts";
import { registerListMembers } from "./members/list-members.ts";
import { registerListAllMembersMinimal } from "./members/list-all-members-minimal.ts";
import { registerGetMyMember } from "./members/get-my-member.ts";
import { registerGetMyTourStatus } from "./members/get-my-tour-status.ts";
import { registerUpdateMyTourStatus } from "./members/update-my-tour-status.ts";
import { registerResetMyTours } from "./members/reset-my-tours.ts";
import { registerCreateMember } from "./members/create-member.ts";
import { registerGetMember } from "./members/get-member.ts";
import { registerGetMemberDeletionInfo } from "./members/get-member-deletion-info.ts";
import { registerGetMemberItems } from "./members/get-member-items.ts";
import { registerUploadMemberAvatar } from "./members/upload-member-avatar.ts";
import { registerReassignMemberItems } from "./members/reassign-member-items.ts";
import { registerUpdateMember } from "./members/update-member.ts";
import { registerRemoveMember } from "./members/remove-member.ts";
import { registerDeleteMemberPermanently } from "./members/delete-member-permanently.ts";
import { registerListTeams } from "./teams/list-teams.ts";
import { registerCreateTeam } from "./teams/create-team.ts";
import { registerGetTeam } from "./teams/get-team.ts";
import { registerUpdateTeam } from "./teams/update-team.ts";
import { registerDeleteTeam } from "./teams/delete-team.ts";
import { registerListTeamMembers } from "./teams/list-team-members.ts";
import { registerAddTeamMember } from "./teams/add-team-member.ts";
import { registerUpdateTeamMemberRole } from "./teams/update-team-member-role.ts";
import { registerRemoveTeamMember } from "./teams/remove-team-member.ts";
import { registerGetActivityFeed } from "./activity/get-activity-feed.ts";
import { registerGetActivityStats } from "./activity/get-activity-stats.ts";
import { registerStartActivityExport } from "./activity/start-activity-export.ts";
import { registerListActivityExportJobs } from "./activity/list-activity-export-jobs.ts";
import { registerGetActivityExportJob } from "./activity/get-activity-export-job.ts";
import { registerDownloadActivityExport } from "./activity/download-activity-export.ts";
import { registerGetActivityExportDownloadUrl } from "./activity/get-activity-export-download-url.ts";
import { registerListNotifications } from "./notifications/list-notifications.ts";
import { registerGetUnreadNotificationCount } from "./notifications/get-unread-notification-count.ts";
import { registerMarkNotificationsRead } from "./notifications/mark-notifications-read.ts";
import { registerGetDefaultNotificationPreferences } from "./notifications/get-default-notification-preferences.ts";
import { registerGetEmailDeliveryPreference } from "./notifications/get-email-delivery-preference.ts";
import { registerUpdateEmailDeliveryPreference } from "./notifications/update-email-delivery-preference.ts";
import { registerGetNotificationPreferencesV2 } from "./notifications/get-notification-preferences-v2.ts";
import { registerUpdateNotificationPreferenceV2 } from "./notifications/update-notification-preference-v2.ts";
import { registerStreamNotifications } from "./notifications/stream-notifications.ts";
import { registerListMyNotificationPreferences } from "./notifications/list-my-notification-preferences.ts";
import { registerCreateNotificationPreference } from "./notifications/create-notification-preference.ts";
import { registerBulkUpdateNotificationPreferences } from "./notifications/bulk-update-notification-preferences.ts";
import { registerResetNotificationPreferences } from "./notifications/reset-notification-preferences.ts";
import { registerUpdateNotificationPreference } from "./notifications/update-notification-preference.ts";
import { registerDeleteNotificationPreference } from "./notifications/delete-notification-preference.ts";
import { registerCreateRecordset } from "./recordsets/create-recordset.ts";
import { registerListRecordsets } from "./recordsets/list-recordsets.ts";
import { registerListTrashedRecordsets } from "./recordsets/list-trashed-recordsets.ts";
import { registerRestoreRecordset } from "./recordsets/restore-recordset.ts";
import { registerPermanentlyDeleteRecordset } from "./recordsets/permanently-delete-recordset.ts";
import { registerGetRecordset } from "./recordsets/get-recordset.ts";
import { registerUpdateRecordset } from "./recordsets/update-recordset.ts";
import { registerSoftDeleteRecordset } from "./recordsets/soft-delete-recordset.ts";
import { registerCrudListRecordsets } from "./crud-recordsets/crud-list-recordsets.ts";
import { registerCrudCreateRecordset } from "./crud-recordsets/crud-create-recordset.ts";
import { registerCrudSyncRecordsetCounts } from "./crud-recordsets/crud-sync-recordset-counts.ts";
import { registerCrudGetRecordset } from "./crud-recordsets/crud-get-recordset.ts";
import { registerCrudReplaceRecordset } from "./crud-recordsets/crud-replace-recordset.ts";
import { registerCrudPatchRecordset } from "./crud-recordsets/crud-patch-recordset.ts";
import { registerCrudDeleteRecordset } from "./crud-recordsets/crud-delete-recordset.ts";
import { registerListRecordsetAccessGrants } from "./recordsets/list-recordset-access-grants.ts";
import { registerGrantRecordsetAccess } from "./recordsets/grant-recordset-access.ts";
import { registerRevokeRecordsetMemberAccess } from "./recordsets/revoke-recordset-member-access.ts";
import { registerRevokeRecordsetTeamAccess } from "./recordsets/revoke-recordset-team-access.ts";
import { registerGetMyRecordsetPermissions } from "./recordsets/get-my-recordset-permissions.ts";
import { registerListRecordsetViews } from "./recordsets/list-recordset-views.ts";
import { registerCreateRecordsetView } from "./recordsets/create-recordset-view.ts";
import { registerUpdateRecordsetView } from "./recordsets/update-recordset-view.ts";
import { registerDeleteRecordsetView } from "./recordsets/delete-recordset-view.ts";
import { registerResyncRecordsetPromotedColumns } from "./recordsets/resync-recordset-promoted-columns.ts";
import { registerEnableRecordsetMapMode } from "./recordsets/enable-recordset-map-mode.ts";
import { registerGetRecordsetPipeline } from "./recordsets/get-recordset-pipeline.ts";
import { registerCreateRecordsetPipeline } from "./recordsets/create-recordset-pipeline.ts";
import { registerStreamMapRecords } from "./records/stream-map-records.ts";
import { registerSpatialFilterRecords } from "./records/spatial-filter-records.ts";
import { registerListRecords } from "./records/list-records.ts";
import { registerCreateRecord } from "./records/create-record.ts";
import { registerBulkDeleteRecords } from "./records/bulk-delete-records.ts";
import { registerGetRecord } from "./records/get-record.ts";
import { registerUpdateRecord } from "./records/update-record.ts";
import { registerDeleteRecord } from "./records/delete-record.ts";
import { registerListRecordHistory } from "./records/list-record-history.ts";
import { registerRestoreRecordVersion } from "./records/restore-record-version.ts";
import { registerListRecordComments } from "./records/list-record-comments.ts";
import { registerCreateRecordComment } from "./records/create-record-comment.ts";
import { registerListRecordRelationships } from "./records/list-record-relationships.ts";
import { registerCreateRecordRelationship } from "./records/create-record-relationship.ts";
import { registerDismissRecordFromTool } from "./records/dismiss-record-from-tool.ts";
import { registerCrudListRecords } from "./crud-records/crud-list-records.ts";
import { registerCrudGetRecord } from "./crud-records/crud-get-record.ts";
import { registerCrudCreateRecord } from "./crud-records/crud-create-record.ts";
import { registerCrudReplaceRecord } from "./crud-records/crud-replace-record.ts";
import { registerCrudPatchRecord } from "./crud-records/crud-patch-record.ts";
import { registerCrudDeleteRecord } from "./crud-records/crud-delete-record.ts";
import { registerCrudListRecordAttachments } from "./crud-records/list-record-attachments.ts";
import { registerCrudUploadRecordAttachment } from "./crud-records/upload-record-attachment.ts";
import { registerCrudDeleteRecordAttachment } from "./crud-records/delete-record-attachment.ts";
import { registerMarkInsightActionTaken } from "./tracking/mark-insight-action-taken.ts";
import { registerDismissRecordInsight } from "./tracking/dismiss-record-insight.ts";
import { registerCompleteRecordTask } from "./tracking/complete-record-task.ts";
import { registerUpdateRecordTask } from "./tracking/update-record-task.ts";
import { registerDeleteRecordTask } from "./tracking/delete-record-task.ts";
import { registerUpdateRecordInteraction } from "./tracking/update-record-interaction.ts";
import { registerDeleteRecordInteraction } from "./tracking/delete-record-interaction.ts";
import { registerListRecordInsights } from "./tracking/list-record-insights.ts";
import { registerGenerateRecordInsights } from "./tracking/generate-record-insights.ts";
import { registerListRecordInteractions } from "./tracking/list-record-interactions.ts";
import { registerCreateRecordInteraction } from "./tracking/create-record-interaction.ts";
import { registerListRecordTasks } from "./tracking/list-record-tasks.ts";
import { registerCreateRecordTask } from "./tracking/create-record-task.ts";
import { registerAnalyzeRecord } from "./tracking/analyze-record.ts";
import { registerDraftRecordMessage } from "./tracking/draft-record-message.ts";
import { registerGetRecordsetTrackingDashboard } from "./tracking/get-recordset-tracking-dashboard.ts";
import { registerGenerateFollowUpSuggestions } from "./tracking/generate-follow-up-suggestions.ts";
import { registerUploadImportFile } from "./imports/upload-import-file.ts";
import { registerAnalyzeImportFile } from "./imports/analyze-import-file.ts";
import { registerCreateImportUploadUrl } from "./imports/create-import-upload-url.ts";
import { registerCreateRecordsetFromImport } from "./imports/create-recordset-from-import.ts";
import { registerImportIntoRecordset } from "./imports/import-into-recordset.ts";
import { registerListImportJobs } from "./imports/list-import-jobs.ts";
import { registerCancelAllImportJobs } from "./imports/cancel-all-import-jobs.ts";
import { registerGetImportJob } from "./imports/get-import-job.ts";
import { registerGetImportReportUrl } from "./imports/get-import-report-url.ts";
import { registerCancelImportJob } from "./imports/cancel-import-job.ts";
import { registerDeleteImportJob } from "./imports/delete-import-job.ts";
import { registerGetImportStatusLegacy } from "./imports/get-import-status-legacy.ts";
import { registerDownloadImportErrorReport } from "./imports/download-import-error-report.ts";
import { registerCreateExportJob } from "./exports/create-export-job.ts";
import { registerStartGeocodingJob } from "./geocoding/start-geocoding-job.ts";
import { registerListGeocodingJobs } from "./geocoding/list-geocoding-jobs.ts";
import { registerGetGeocodingJob } from "./geocoding/get-geocoding-job.ts";
import { registerStreamGeocodingJob } from "./geocoding/stream-geocoding-job.ts";

/** Every API section's routes. Each section folder adds its `register*` calls here. */
export function registerRoutes(app: OpenAPIHono<AppEnv>): void {
  registerGetRoot(app);
  registerHealthCheck(app, serviceVersion);
  registerSelectWorkspace(app);
  registerServeUploadedFile(app);
  registerPutUploadedFile(app);

  // API Keys (/api-keys/count before /api-keys/{api_key_id}: the first registered match answers)
  registerCountApiKeys(app);
  registerListApiKeys(app);
  registerGetApiKey(app);
  registerCreateApiKey(app);
  registerRevokeApiKey(app);
  registerRotateApiKey(app);
  registerToggleApiKey(app);
  registerUpdateApiKey(app);
  registerDeleteApiKey(app);

  // Permissions
  registerListPermissions(app);
  registerListPermissionsGrouped(app);
  registerGetMyPermissions(app);
  registerCheckPermission(app);
  registerListRolePermissions(app);
  registerGetRolePermissions(app);
  registerBulkUpdateRolePermissions(app);
  registerSetRolePermission(app);
  registerResetRolePermissions(app);
  registerSeedPermissions(app);

  // Module Settings
  registerListModuleSettings(app);
  registerGetModuleSettings(app);
  registerCreateModuleSettings(app);
  registerUpdateModuleSettings(app);
  registerToggleModule(app);

  // Workspace Health
  registerGetWorkspaceHealth(app);
  registerTriggerMigration(app);
  registerStreamMigrationProgress(app);

  // Authentication (account operations). The /auth/me routes come before /auth/{user_id}:
  // the first registered match answers.
  registerRegisterUser(app);
  registerLogin(app);
  registerRefreshToken(app);
  registerLogout(app);
  registerValidateActivationToken(app);
  registerCompleteActivation(app);
  registerResendActivationEmail(app);
  registerRequestPasswordReset(app);
  registerResetPassword(app);
  registerGetCurrentUser(app);
  registerUpdateCurrentUser(app);
  registerUploadMyAvatar(app);
  registerGetUserById(app);
  registerUpdateUser(app);
  registerUploadUserAvatar(app);

  // Workspaces (the fixed /workspaces/switch, /provision and /invitations/* paths are distinct from /workspaces/{workspace_id})
  registerListWorkspaces(app);
  registerGetInvitationDetails(app);
  registerCreateWorkspace(app);
  registerProvisionWorkspace(app);
  registerSwitchWorkspace(app);
  registerAcceptInvitation(app);
  registerCancelInvitation(app);
  registerGetWorkspace(app);
  registerUpdateWorkspace(app);
  registerListWorkspaceMembers(app);
  registerRemoveWorkspaceMember(app);
  registerInviteWorkspaceUser(app);
  registerGenerateInviteLink(app);
  registerResendInvitation(app);
  registerSendMemberPasswordReset(app);
  registerGeneratePasswordResetLink(app);

  // Members (literal /members/all, /members/me, /members/me/tours before /members/{member_id}; member_id is a uuid)
  registerListMembers(app);
  registerListAllMembersMinimal(app);
  registerGetMyMember(app);
  registerGetMyTourStatus(app);
  registerUpdateMyTourStatus(app);
  registerResetMyTours(app);
  registerCreateMember(app);
  registerGetMember(app);
  registerGetMemberDeletionInfo(app);
  registerGetMemberItems(app);
  registerUploadMemberAvatar(app);
  registerReassignMemberItems(app);
  registerUpdateMember(app);
  registerRemoveMember(app);
  registerDeleteMemberPermanently(app);

  // Teams
  registerListTeams(app);
  registerCreateTeam(app);
  registerGetTeam(app);
  registerUpdateTeam(app);
  registerDeleteTeam(app);
  registerListTeamMembers(app);
  registerAddTeamMember(app);
  registerUpdateTeamMemberRole(app);
  registerRemoveTeamMember(app);

  // Authentication: signup
  registerSignup(app);
  registerSignupWithStripeInvite(app);
  registerSignupWithStripeInviteAsync(app);
  registerStreamSignupJob(app);
  registerGetStripeInvite(app);
  registerLookupPaymentInvite(app);
  registerCheckClerkUser(app);
  registerExchangeImpersonationToken(app);

  // Activity Feed
  registerGetActivityFeed(app);
  registerGetActivityStats(app);
  registerStartActivityExport(app);
  registerListActivityExportJobs(app);
  registerGetActivityExportJob(app);
  registerDownloadActivityExport(app);
  registerGetActivityExportDownloadUrl(app);

  // Notifications (literal paths such as /notifications/me/bulk before /notifications/me/{preference_id})
  registerListNotifications(app);
  registerGetUnreadNotificationCount(app);
  registerMarkNotificationsRead(app);
  registerGetDefaultNotificationPreferences(app);
  registerGetEmailDeliveryPreference(app);
  registerUpdateEmailDeliveryPreference(app);
  registerGetNotificationPreferencesV2(app);
  registerUpdateNotificationPreferenceV2(app);
  registerStreamNotifications(app);
  registerListMyNotificationPreferences(app);
  registerCreateNotificationPreference(app);
  registerBulkUpdateNotificationPreferences(app);
  registerResetNotificationPreferences(app);
  registerUpdateNotificationPreference(app);
  registerDeleteNotificationPreference(app);

  // Recordset Import: every path is literal under /recordsets/import/ (also /recordsets/export, /recordsets/geocode/...), so it goes before /recordsets/{recordset_slug}...
  registerUploadImportFile(app);
  registerAnalyzeImportFile(app);
  registerCreateImportUploadUrl(app);
  registerCreateRecordsetFromImport(app);
  registerImportIntoRecordset(app);
  registerListImportJobs(app);
  registerCancelAllImportJobs(app);
  registerGetImportJob(app);
  registerGetImportReportUrl(app);
  registerCancelImportJob(app);
  registerDeleteImportJob(app);
  registerGetImportStatusLegacy(app);
  registerDownloadImportErrorReport(app);
  registerCreateExportJob(app);
  registerStartGeocodingJob(app);
  registerListGeocodingJobs(app);
  registerGetGeocodingJob(app);
  registerStreamGeocodingJob(app);
  // -- imports: end

  // Recordsets: literal paths (/recordsets/trash...) before /recordsets/{recordset_slug}; /recordsets/{recordset_id}/... routes after the slug ones of the same method only when they cannot clash.
  registerCreateRecordset(app);
  // the trash before /recordsets/{recordset_slug}: "trash" is a reserved slug
  registerListRecordsets(app);
  registerListTrashedRecordsets(app);
  registerRestoreRecordset(app);
  registerPermanentlyDeleteRecordset(app);
  registerGetRecordset(app);
  registerUpdateRecordset(app);
  registerSoftDeleteRecordset(app);
  // access, views, map mode, promoted resync (by slug), pipeline (by id): each ends in a literal segment, so none clash
  registerListRecordsetAccessGrants(app);
  registerGrantRecordsetAccess(app);
  registerRevokeRecordsetMemberAccess(app);
  registerRevokeRecordsetTeamAccess(app);
  registerGetMyRecordsetPermissions(app);
  registerListRecordsetViews(app);
  registerCreateRecordsetView(app);
  registerUpdateRecordsetView(app);
  registerDeleteRecordsetView(app);
  registerResyncRecordsetPromotedColumns(app);
  registerEnableRecordsetMapMode(app);
  registerGetRecordsetPipeline(app);
  registerCreateRecordsetPipeline(app);
  // -- recordsets: end

  // Records: literal paths (/records/map, /records/bulk-delete, /records/spatial-filter) before /records/{record_id}
  registerStreamMapRecords(app);
  registerSpatialFilterRecords(app);
  registerListRecords(app);
  registerCreateRecord(app);
  registerBulkDeleteRecords(app);
  // -- records literal: end
  registerGetRecord(app);
  registerUpdateRecord(app);
  registerDeleteRecord(app);
  registerListRecordHistory(app);
  registerRestoreRecordVersion(app);
  registerListRecordComments(app);
  registerCreateRecordComment(app);
  registerListRecordRelationships(app);
  registerCreateRecordRelationship(app);
  registerDismissRecordFromTool(app);
  // -- records by id: end

  // CRUD - Recordsets (/crud/recordsets/sync-counts before /crud/recordsets/{recordset_id})
  registerCrudListRecordsets(app);
  registerCrudCreateRecordset(app);
  registerCrudSyncRecordsetCounts(app);
  registerCrudGetRecordset(app);
  registerCrudReplaceRecordset(app);
  registerCrudPatchRecordset(app);
  registerCrudDeleteRecordset(app);
  // -- crud recordsets: end

  // CRUD - Records and CRUD - Record Attachments
  registerCrudListRecords(app);
  registerCrudGetRecord(app);
  registerCrudCreateRecord(app);
  registerCrudReplaceRecord(app);
  registerCrudPatchRecord(app);
  registerCrudDeleteRecord(app);
  registerCrudListRecordAttachments(app);
  registerCrudUploadRecordAttachment(app);
  registerCrudDeleteRecordAttachment(app);
  // -- crud records: end

  // Record Tracking: /tracking/insights/..., /tracking/tasks/..., /tracking/interactions/... before /tracking/{record_id}/...
  registerMarkInsightActionTaken(app);
  registerDismissRecordInsight(app);
  registerCompleteRecordTask(app);
  registerUpdateRecordTask(app);
  registerDeleteRecordTask(app);
  registerUpdateRecordInteraction(app);
  registerDeleteRecordInteraction(app);
  registerListRecordInsights(app);
  registerGenerateRecordInsights(app);
  registerListRecordInteractions(app);
  registerCreateRecordInteraction(app);
  registerListRecordTasks(app);
  registerCreateRecordTask(app);
  registerAnalyzeRecord(app);
  registerDraftRecordMessage(app);
  registerGetRecordsetTrackingDashboard(app);
  registerGenerateFollowUpSuggestions(app);
  // -- tracking: end
}
