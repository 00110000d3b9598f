// Generated from openapi/registry-api.yaml by `npm run gen -w manifests` (openapi-typescript). Do not edit: change
// the document and run it again (a test fails while this file is stale).
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content-sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the shell's page may load, for its Content Security Policy and integrity import map
         * @description Derived from every tenant's current policy: origins of approved in-page (`module`) widgets, of approved
         *     `iframe` widgets and of icons and logos, and the `sha384-` integrity of every pinned module widget file
         *     (manifest `integrity` and `chunks`). The shell's host builds the page's `Content-Security-Policy` header and an
         *     import map with `integrity` from it on every page load, so that approvals take effect on the next load. It
         *     names no user and is public, like the widgets' entries themselves.
         */
        get: operations["getContentSources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and the names of their tenants */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/catalogue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every widget manifest */
        get: operations["getCatalogue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The resolved dashboard of the caller's role in a tenant (and school)
         * @description The tenant's dashboard for the role, refined by the school's dashboard when there is one (the merge rule is
         *     in manifests/README.md). Only widgets the tenant's policy approves (version in range, integration level) and
         *     the role may see are served, each manifest with only the scopes the tenant grants.
         */
        get: operations["getDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tenants/{tenant}/dashboards/{role}/draft": {
        parameters: {
            query?: {
                /** @description The school's OID, for a school's dashboard; without it, the tenant's dashboard of the role. */
                school?: components["parameters"]["School"];
            };
            header?: never;
            path: {
                tenant: components["parameters"]["Tenant"];
                role: components["parameters"]["Role"];
            };
            cookie?: never;
        };
        /**
         * The draft of a dashboard
         * @description The answer's ETag is `"draft-<revision>"`; a save names that revision as `expectedRevision`.
         */
        get: operations["getDashboardDraft"];
        /**
         * Validate and store a dashboard as the draft
         * @description The body is a dashboard document (schemas/dashboard.v1.json). `tenant`, `role` and `school` may be left out
         *     (the path gives them) but must agree with the path when present; `version` may be left out and is set when
         *     the draft is published. Refused with 422 and every issue when the validator rejects it.
         *
         *     Optimistic concurrency, as `expectedVersion` is for publishing: `expectedRevision` names the draft the caller
         *     loaded (its `revision`, 0 when there was none). When another admin saved or discarded the draft since, the
         *     save is refused with 409 `conflict` carrying `latestRevision` (0: the draft was discarded), `updatedBy` and
         *     `updatedAt`; the check and the write are one storage transaction. Without `expectedRevision` the stored
         *     draft is replaced (scripts).
         */
        put: operations["putDashboardDraft"];
        post?: never;
        /** Discard the draft */
        delete: operations["deleteDashboardDraft"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tenants/{tenant}/dashboards/{role}/publish": {
        parameters: {
            query?: {
                /** @description The school's OID, for a school's dashboard; without it, the tenant's dashboard of the role. */
                school?: components["parameters"]["School"];
            };
            header?: never;
            path: {
                tenant: components["parameters"]["Tenant"];
                role: components["parameters"]["Role"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish the draft as the next version
         * @description The draft is validated again (the catalogue or policy may have changed), becomes version N+1 and is discarded.
         */
        post: operations["publishDashboard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tenants/{tenant}/dashboards/{role}/versions": {
        parameters: {
            query?: {
                /** @description The school's OID, for a school's dashboard; without it, the tenant's dashboard of the role. */
                school?: components["parameters"]["School"];
            };
            header?: never;
            path: {
                tenant: components["parameters"]["Tenant"];
                role: components["parameters"]["Role"];
            };
            cookie?: never;
        };
        /** The published versions, oldest first */
        get: operations["listDashboardVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tenants/{tenant}/dashboards/{role}/versions/{version}": {
        parameters: {
            query?: {
                /** @description The school's OID, for a school's dashboard; without it, the tenant's dashboard of the role. */
                school?: components["parameters"]["School"];
            };
            header?: never;
            path: {
                tenant: components["parameters"]["Tenant"];
                role: components["parameters"]["Role"];
                version: number;
            };
            cookie?: never;
        };
        /** One published version */
        get: operations["getDashboardVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tenants/{tenant}/dashboards/{role}/rollback": {
        parameters: {
            query?: {
                /** @description The school's OID, for a school's dashboard; without it, the tenant's dashboard of the role. */
                school?: components["parameters"]["School"];
            };
            header?: never;
            path: {
                tenant: components["parameters"]["Tenant"];
                role: components["parameters"]["Role"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a new version whose layout is exactly an earlier version's */
        post: operations["rollbackDashboard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tenants/{tenant}/policy": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        /** The tenant's current policy */
        get: operations["getPolicy"];
        /**
         * Publish a new policy version
         * @description The body is a policy document (schemas/tenant-policy.v1.json) whose `version` is the latest version + 1;
         *     409 when another admin published that version first, 422 with every issue when the validator rejects it.
         */
        put: operations["putPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tenants/{tenant}/policy/versions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        /** The published policy versions, oldest first */
        get: operations["listPolicyVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tenants/{tenant}/policy/widgets/{widgetId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: components["parameters"]["Tenant"];
                widgetId: components["schemas"]["WidgetId"];
            };
            cookie?: never;
        };
        get?: never;
        /** Approve a widget (a version range, scopes, integration level) as a new policy version */
        put: operations["approveWidget"];
        post?: never;
        /** Revoke a widget's approval as a new policy version */
        delete: operations["revokeWidget"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's audit log, newest first */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ContentSources: {
            /** @description Origins whose scripts the page may run and call (approved `module` widgets). */
            script: string[];
            /** @description Origins the page may frame (approved `iframe` widgets). */
            frame: string[];
            /** @description Origins of widget icons and tenant logos. */
            img: string[];
            /** @description Absolute file URL → `sha384-` digest of its bytes. */
            integrity: {
                [key: string]: string;
            };
            /** @description Which of the pinned URLs are widget entries (the rest are the chunks they import). */
            entries: string[];
        };
        /** @enum {unknown} */
        Role: "pupil" | "guardian" | "teacher" | "principal" | "admin";
        TenantId: string;
        WidgetId: string;
        Oid: string;
        /** @description The latest published version the caller saw; 0 when none is published. */
        ExpectedVersion: number;
        LocalizedText: {
            fi: string;
            sv: string;
            en: string;
        };
        /** @description A widget manifest; its full schema is schemas/widget-manifest.v1.json. */
        WidgetManifest: {
            id: components["schemas"]["WidgetId"];
            version: string;
            /** @enum {unknown} */
            kind: "module" | "iframe" | "link";
            entry: string;
            scopes: string[];
            roles: components["schemas"]["Role"][];
        };
        /** @description A dashboard document; its full schema is schemas/dashboard.v1.json. */
        Dashboard: {
            tenant: components["schemas"]["TenantId"];
            role: components["schemas"]["Role"];
            school?: components["schemas"]["Oid"];
            version: number;
            layout: Record<string, unknown>[];
        };
        /** @description A tenant policy document; its full schema is schemas/tenant-policy.v1.json. */
        TenantPolicy: {
            tenant: components["schemas"]["TenantId"];
            version: number;
            widgets: {
                [key: string]: {
                    versions: string;
                    scopes: string[];
                    /** @enum {unknown} */
                    integration: "module" | "iframe" | "link";
                };
            };
            theme: Record<string, unknown>;
        };
        ResolvedInstance: {
            instanceId: string;
            widget: components["schemas"]["WidgetId"];
            /** @enum {unknown} */
            size: "s" | "m" | "l";
            config: Record<string, unknown>;
        };
        ResolvedDashboard: {
            tenant: components["schemas"]["TenantId"];
            role: components["schemas"]["Role"];
            /** @description Present when a school's dashboard refined the tenant's. */
            school?: components["schemas"]["Oid"];
            /** @description The tenant dashboard's version (the school's when the tenant has none for the role). */
            version: number;
            /** @description The school dashboard's version, when one applied. */
            schoolVersion?: number;
            layout: components["schemas"]["ResolvedInstance"][];
            /** @description The manifest of every widget in `layout`, by id, with only the scopes the tenant grants. */
            widgets: {
                [key: string]: components["schemas"]["WidgetManifest"];
            };
        };
        MeResponse: {
            /** @description The PlatformUser of @digione/sdk/identity. */
            user: {
                id: string;
                displayName: string;
                /** @enum {unknown} */
                idp: "mpassid" | "suomifi";
                roles: {
                    role: components["schemas"]["Role"];
                    tenant: string;
                    schoolOid?: string;
                    groups: string[];
                }[];
                roleNames: components["schemas"]["Role"][];
                tenants: string[];
                learnerOid?: string;
                schools: {
                    oid: string;
                    code: string;
                    name: string;
                    tenant: string;
                }[];
                children: {
                    learnerOid: string;
                    name: string;
                    tenant: string;
                }[];
            };
            tenants: {
                id: components["schemas"]["TenantId"];
                name: components["schemas"]["LocalizedText"];
                theme?: components["schemas"]["TenantTheme"];
            }[];
        };
        /** @description The theme of the tenant's latest policy (schemas/tenant-policy.v1.json), which the shell applies with the design system's applyTheme. `dark` left out: the dark scheme keeps DigiOne's own brand colours. */
        TenantTheme: {
            name: components["schemas"]["LocalizedText"];
            /** Format: uri */
            logo?: string;
            colours: components["schemas"]["BrandColours"];
            dark?: components["schemas"]["BrandColours"];
        };
        BrandColours: {
            primary: components["schemas"]["Colour"];
            onPrimary: components["schemas"]["Colour"];
            accent?: components["schemas"]["Colour"];
            onAccent?: components["schemas"]["Colour"];
        };
        Colour: string;
        Draft: {
            dashboard: components["schemas"]["Dashboard"];
            updatedBy: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Changes with every save and never repeats; what `expectedRevision` of the next save names. */
            revision: number;
        };
        VersionInfo: {
            version: number;
            /** @description User id of the admin who published; `manifests` for versions loaded from the files. */
            publishedBy: string;
            /** Format: date-time */
            publishedAt: string;
        };
        VersionList: {
            versions: components["schemas"]["VersionInfo"][];
        };
        PublishedDashboard: {
            version: number;
            publishedBy: string;
            /** Format: date-time */
            publishedAt: string;
            dashboard: components["schemas"]["Dashboard"];
        };
        PublishedPolicy: {
            version: number;
            publishedBy: string;
            /** Format: date-time */
            publishedAt: string;
            policy: components["schemas"]["TenantPolicy"];
        };
        /** @enum {unknown} */
        AuditAction: "dashboard.draft.put" | "dashboard.draft.delete" | "dashboard.publish" | "dashboard.rollback" | "policy.put" | "policy.widget.put" | "policy.widget.delete" | "dashboard.preview";
        AuditEntry: {
            id: number;
            /** Format: date-time */
            at: string;
            tenant: components["schemas"]["TenantId"];
            user: string;
            userName: string;
            action: components["schemas"]["AuditAction"];
            /** @description What was written, e.g. `dashboards/pupil`, `dashboards/pupil@<school OID>` or `policy`. */
            target: string;
            /** @description Widgets whose placement or approval differs between before and after. */
            widgets: string[];
            /** @description The document before the write (null when there was none). */
            before: unknown;
            /** @description The document after the write (null when it was removed). */
            after: unknown;
        };
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @enum {unknown} */
            code: "unauthorized" | "forbidden" | "bad-request" | "ambiguous-tenant" | "not-found" | "conflict" | "invalid-document" | "identity-unavailable" | "internal";
            instance?: string;
            /** @description With `conflict`: the version that is current. */
            latestVersion?: number;
            /** @description With a draft `conflict`: the stored draft's revision (0: discarded). */
            latestRevision?: number;
            /** @description With a draft `conflict`: who saved the stored draft. */
            updatedBy?: string;
            /**
             * Format: date-time
             * @description With a draft `conflict`: when.
             */
            updatedAt?: string;
            /** @description With `ambiguous-tenant`: the tenants to choose from. */
            choices?: string[];
        };
        ValidationIssue: {
            file: string;
            /** @description JSON Pointer (RFC 6901) of the field; empty for the whole document. */
            pointer: string;
            code: string;
            reason: string;
            hint?: string;
        };
        ValidationProblem: components["schemas"]["Problem"] & {
            issues: components["schemas"]["ValidationIssue"][];
        };
    };
    responses: {
        /** @description The client's copy (`If-None-Match`) is current. */
        NotModified: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The request is malformed. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No valid access token. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller may not do this (another tenant, a role they do not hold, not the tenant's admin). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Nothing stored here. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Another admin published first; `latestVersion` says which version is current. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The document fails validation; `issues` lists every error. */
        Invalid: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ValidationProblem"];
            };
        };
    };
    parameters: {
        Tenant: components["schemas"]["TenantId"];
        Role: components["schemas"]["Role"];
        /** @description The school's OID, for a school's dashboard; without it, the tenant's dashboard of the role. */
        School: components["schemas"]["Oid"];
    };
    requestBodies: never;
    headers: {
        /** @description Strong validator of the answer's bytes; send it back in `If-None-Match`. */
        ETag: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The registry runs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
        };
    };
    getContentSources: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sources, sorted. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContentSources"];
                };
            };
            304: components["responses"]["NotModified"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller as the platform sees them. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getCatalogue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalogue. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        widgets: components["schemas"]["WidgetManifest"][];
                    };
                };
            };
            304: components["responses"]["NotModified"];
            401: components["responses"]["Unauthorized"];
        };
    };
    getDashboard: {
        parameters: {
            query: {
                role: components["schemas"]["Role"];
                /** @description Needed when the caller holds the role in several tenants. */
                tenant?: components["schemas"]["TenantId"];
                /** @description The school's OID; without it, the caller's school in that role when they have exactly one. */
                school?: components["schemas"]["Oid"];
                /**
                 * @description "Preview as" (docs/decisions/0008-preview-as.md): the DRAFT resolved exactly as publishing it would serve
                 *     it (each level's draft, else its latest version; the tenant's approvals). Only for a preview token whose
                 *     `act` is an admin of the tenant; any other caller gets 403, and a preview token gets only the draft.
                 */
                draft?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resolved dashboard. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResolvedDashboard"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getDashboardDraft: {
        parameters: {
            query?: {
                /** @description The school's OID, for a school's dashboard; without it, the tenant's dashboard of the role. */
                school?: components["parameters"]["School"];
            };
            header?: never;
            path: {
                tenant: components["parameters"]["Tenant"];
                role: components["parameters"]["Role"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stored draft. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Draft"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    putDashboardDraft: {
        parameters: {
            query?: {
                /** @description The school's OID, for a school's dashboard; without it, the tenant's dashboard of the role. */
                school?: components["parameters"]["School"];
                /** @description The revision of the draft the caller loaded; 0 when there was no draft. */
                expectedRevision?: number;
            };
            header?: never;
            path: {
                tenant: components["parameters"]["Tenant"];
                role: components["parameters"]["Role"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, unknown>;
            };
        };
        responses: {
            /** @description The stored draft, with its new revision. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Draft"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Another admin saved or discarded the draft since the caller loaded it. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["Invalid"];
        };
    };
    deleteDashboardDraft: {
        parameters: {
            query?: {
                /** @description The school's OID, for a school's dashboard; without it, the tenant's dashboard of the role. */
                school?: components["parameters"]["School"];
            };
            header?: never;
            path: {
                tenant: components["parameters"]["Tenant"];
                role: components["parameters"]["Role"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The draft is gone. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    publishDashboard: {
        parameters: {
            query?: {
                /** @description The school's OID, for a school's dashboard; without it, the tenant's dashboard of the role. */
                school?: components["parameters"]["School"];
            };
            header?: never;
            path: {
                tenant: components["parameters"]["Tenant"];
                role: components["parameters"]["Role"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion: components["schemas"]["ExpectedVersion"];
                };
            };
        };
        responses: {
            /** @description The published version. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedDashboard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Invalid"];
        };
    };
    listDashboardVersions: {
        parameters: {
            query?: {
                /** @description The school's OID, for a school's dashboard; without it, the tenant's dashboard of the role. */
                school?: components["parameters"]["School"];
            };
            header?: never;
            path: {
                tenant: components["parameters"]["Tenant"];
                role: components["parameters"]["Role"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The history. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getDashboardVersion: {
        parameters: {
            query?: {
                /** @description The school's OID, for a school's dashboard; without it, the tenant's dashboard of the role. */
                school?: components["parameters"]["School"];
            };
            header?: never;
            path: {
                tenant: components["parameters"]["Tenant"];
                role: components["parameters"]["Role"];
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dashboard as published. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dashboard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    rollbackDashboard: {
        parameters: {
            query?: {
                /** @description The school's OID, for a school's dashboard; without it, the tenant's dashboard of the role. */
                school?: components["parameters"]["School"];
            };
            header?: never;
            path: {
                tenant: components["parameters"]["Tenant"];
                role: components["parameters"]["Role"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    toVersion: number;
                    expectedVersion: components["schemas"]["ExpectedVersion"];
                };
            };
        };
        responses: {
            /** @description The new version. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedDashboard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Invalid"];
        };
    };
    getPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The latest policy version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantPolicy"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    putPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, unknown>;
            };
        };
        responses: {
            /** @description The published version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedPolicy"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Invalid"];
        };
    };
    listPolicyVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The history. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    approveWidget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: components["parameters"]["Tenant"];
                widgetId: components["schemas"]["WidgetId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    versions: string;
                    scopes: string[];
                    /** @enum {unknown} */
                    integration: "module" | "iframe" | "link";
                    expectedVersion: components["schemas"]["ExpectedVersion"];
                };
            };
        };
        responses: {
            /** @description The published version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedPolicy"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Invalid"];
        };
    };
    revokeWidget: {
        parameters: {
            query: {
                expectedVersion: components["schemas"]["ExpectedVersion"];
            };
            header?: never;
            path: {
                tenant: components["parameters"]["Tenant"];
                widgetId: components["schemas"]["WidgetId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The published version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedPolicy"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listAudit: {
        parameters: {
            query: {
                tenant: components["schemas"]["TenantId"];
                /** @description User id (`sub`) of the admin who wrote. */
                user?: string;
                action?: components["schemas"]["AuditAction"];
                /** @description Entries whose write placed, changed or removed this widget, or changed its approval. */
                widget?: components["schemas"]["WidgetId"];
                /** @description Inclusive lower bound of the write time. */
                from?: string;
                /** @description Exclusive upper bound of the write time. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matching entries (at most 500). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: components["schemas"]["AuditEntry"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
}
