#!/usr/bin/env bash

# Enable strict mode for ShellCheck but restore the caller's options at the end of the file
# (see epilogue) so they don't bleed into un-migrated scripts that source this lib. The
# caller's flags are read from `$-` (the current shell); a `$(set +o)` capture runs in a
# command-substitution subshell where bash always forces errexit off, so it would later
# restore errexit as disabled even when the caller had it on. pipefail has no `$-` letter, so
# it is captured separately (it is reported correctly inside command substitution).
# shellcheck disable=SC2034 # both are consumed by the epilogue
__npm_saved_flags="$-"
__npm_saved_pipefail="$(set +o | grep pipefail)"
set -euo pipefail

# Installs app dependencies with npm (fresh install path).
#
# On failure, the captured output is run through package_managers::npm::_handle_npm_install_failure and, if a
# known failure mode is recognised, failure::emit renders the message, records the
# classification, and exits. Otherwise a generic npm-install failure is emitted so the build
# never falls through silently.
function package_managers::npm::install_dependencies() {
	local build_dir="${1}"
	local production="${NPM_CONFIG_PRODUCTION:-false}"

	if [[ ! -e "${build_dir}/package.json" ]]; then
		output::info "Skipping (no package.json)"
		return 0
	fi

	cd "${build_dir}"

	local npm_command=(npm)
	if [[ "${USE_NPM_INSTALL:-true}" == "false" ]]; then
		build_data::set_raw "use_npm_ci" "true"
		output::info "Installing node modules"
		npm_command+=(ci)
	else
		build_data::set_raw "use_npm_ci" "false"
		if [[ -e "${build_dir}/package-lock.json" ]]; then
			output::info "Installing node modules (package.json + package-lock)"
		elif [[ -e "${build_dir}/npm-shrinkwrap.json" ]]; then
			output::info "Installing node modules (package.json + shrinkwrap)"
		else
			output::info "Installing node modules (package.json)"
		fi
		npm_command+=(install)
	fi
	npm_command+=(--production="${production}" --userconfig "${build_dir}/.npmrc")
	# shellcheck disable=SC2310 # invoked in a condition so set -e is disabled inside; a non-match just omits the flag
	if package_managers::npm::supports_unsafe_perm; then
		npm_command+=(--unsafe-perm)
	fi

	local log_file
	log_file=$(mktemp)

	local start
	start=$(build_data::current_unix_realtime)

	# Run inside `if !` so errexit is suppressed and we can inspect the failure ourselves.
	# shellcheck disable=SC2310 # invoked in a condition so set -e is disabled inside
	if ! { "${npm_command[@]}" 2>&1 | tee "${log_file}" | output::indent; }; then
		# Capture the full pipe status first (before any other command clobbers PIPESTATUS).
		# The pipeline is `npm 2>&1 | tee | output::indent`, so [0] is npm's exit code (tee is [1], output::indent [2]).
		local pipe_status=("${PIPESTATUS[@]}")
		local npm_exit="${pipe_status[0]}"
		build_data::set_duration "install_dependencies_time" "${start}"

		local -A failure
		# shellcheck disable=SC2310 # the elif calls a function in a condition, so set -e is disabled inside
		if [[ "${npm_exit}" -eq 0 ]]; then
			# npm succeeded but the pipeline failed (tee couldn't write the log — e.g. out of
			# disk). Buildpack-side, so don't run it through the npm classifier.
			package_managers::npm::_handle_install_pipefail "${pipe_status[*]}"
		elif failure::handle_git_auth_failure "${log_file}" failure; then
			# A private git+ssh dependency failed SSH host-key verification. This is a
			# cross-cutting git-layer failure (every package manager shells out to git), so it is
			# classified before the npm-specific matcher below.
			failure::emit failure
		elif package_managers::npm::_handle_npm_install_failure "${log_file}" failure; then
			# The classifier fills `failure` by nameref and returns 0 on a match. It is invoked
			# directly in the `elif` condition (not wrapped in `$(...)`) so its writes survive — a
			# command substitution runs in a subshell where the nameref updates would be lost.
			failure::emit failure
		elif failure::handle_econnreset "${log_file}" failure; then
			# A network connection was reset. This is a cross-cutting network-layer failure
			# (every package manager can hit it). Checked last, as a fallback after the
			# npm-specific matcher above: a transient ECONNRESET retry can appear in the same log
			# as an unrelated, permanent npm failure, and the specific code should win.
			failure::emit failure
		elif failure::handle_libc6_incompatibility "${log_file}" failure; then
			# The Node.js binary itself is incompatible with the current stack's glibc. This is a
			# cross-cutting runtime-layer failure (not an npm error code). Checked last, as a
			# fallback after the npm-specific matcher above.
			failure::emit failure
		fi

		# No known failure mode recognised. Bubble up by returning npm's exit code: the bare
		# `build_dependencies` call in bin/compile then fails under errexit and the generic
		# failure::handle_uncaught ERR trap records it as failure=internal-error — covering the
		# codes (ERESOLVE, ETARGET, ENOSPC, …) not yet migrated here.
		return "${npm_exit}"
	fi

	build_data::set_duration "install_dependencies_time" "${start}"
}

# Rebuilds app dependencies with npm (prebuild/rebuild path used when node_modules is
# checked into source control): runs `npm rebuild` to rebuild any native modules, then
# `npm install` to install anything missing from package.json.
function package_managers::npm::rebuild_dependencies() {
	local build_dir="${1:-}"
	local production="${NPM_CONFIG_PRODUCTION:-false}"

	if [[ ! -e "${build_dir}/package.json" ]]; then
		output::info "Skipping (no package.json)"
		return 0
	fi

	cd "${build_dir}"
	output::info "Rebuilding any native modules"

	local native_rebuild_log_file
	native_rebuild_log_file=$(mktemp)

	# Run inside `if !` so errexit is suppressed and we can inspect the failure ourselves.
	# Shares the classifier chain with the install step below (`_handle_npm_install_failure`) —
	# a native-module compile failure (e.g. via node-gyp) surfaces through the same npm error
	# codes as an install failure.
	# shellcheck disable=SC2310 # invoked in a condition so set -e is disabled inside
	if ! { npm rebuild 2>&1 | tee "${native_rebuild_log_file}" | output::indent; }; then
		# Capture the full pipe status first (before any other command clobbers PIPESTATUS).
		# The pipeline is `npm 2>&1 | tee | output::indent`, so [0] is npm's exit code (tee is [1], output::indent [2]).
		local pipe_status=("${PIPESTATUS[@]}")
		local npm_exit="${pipe_status[0]}"

		local -A failure
		# shellcheck disable=SC2310 # the elif calls a function in a condition, so set -e is disabled inside
		if [[ "${npm_exit}" -eq 0 ]]; then
			# npm succeeded but the pipeline failed (tee couldn't write the log — e.g. out of
			# disk). Buildpack-side, so don't run it through the npm classifier.
			package_managers::npm::_handle_install_pipefail "${pipe_status[*]}"
		elif failure::handle_git_auth_failure "${native_rebuild_log_file}" failure; then
			# A private git+ssh dependency failed SSH host-key verification. This is a
			# cross-cutting git-layer failure (every package manager shells out to git), so it is
			# classified before the npm-specific matcher below.
			failure::emit failure
		elif package_managers::npm::_handle_npm_install_failure "${native_rebuild_log_file}" failure; then
			# The classifier fills `failure` by nameref and returns 0 on a match. It is invoked
			# directly in the `elif` condition (not wrapped in `$(...)`) so its writes survive — a
			# command substitution runs in a subshell where the nameref updates would be lost.
			failure::emit failure
		elif failure::handle_econnreset "${native_rebuild_log_file}" failure; then
			# A network connection was reset. This is a cross-cutting network-layer failure
			# (every package manager can hit it). Checked last, as a fallback after the
			# npm-specific matcher above.
			failure::emit failure
		elif failure::handle_libc6_incompatibility "${native_rebuild_log_file}" failure; then
			# The Node.js binary itself is incompatible with the current stack's glibc. This is a
			# cross-cutting runtime-layer failure (not an npm error code). Checked last, as a
			# fallback after the npm-specific matcher above.
			failure::emit failure
		fi

		# No known failure mode recognised. Bubble up by returning npm's exit code: the bare
		# `build_dependencies` call in bin/compile then fails under errexit and the generic
		# failure::handle_uncaught ERR trap records it as failure=internal-error.
		return "${npm_exit}"
	fi

	if [[ -e "${build_dir}/npm-shrinkwrap.json" ]]; then
		output::info "Installing any new modules (package.json + shrinkwrap)"
	else
		output::info "Installing any new modules (package.json)"
	fi

	# npm 12 removed the --unsafe-perm flag and rejects it with EUNKNOWNCONFIG, so only pass it
	# to the currently-active npm when that npm still accepts it.
	local unsafe_perm=()
	# shellcheck disable=SC2310 # invoked in a condition so set -e is disabled inside; a non-match just omits the flag
	if package_managers::npm::supports_unsafe_perm; then
		unsafe_perm=(--unsafe-perm)
	fi

	local npm_command=(
		npm install --production="${production}" "${unsafe_perm[@]}"
		--userconfig "${build_dir}/.npmrc"
	)

	local log_file
	log_file=$(mktemp)

	local start
	start=$(build_data::current_unix_realtime)

	# Run inside `if !` so errexit is suppressed and we can inspect the failure ourselves.
	# Shares the classifier with the fresh-install path (`install_dependencies`) — same
	# command, same failure surface. The metric name (`npm_rebuild_time`) is kept distinct
	# from `install_dependencies_time` so the two paths remain separable in observability.
	# shellcheck disable=SC2310 # invoked in a condition so set -e is disabled inside
	if ! { "${npm_command[@]}" 2>&1 | tee "${log_file}" | output::indent; }; then
		local pipe_status=("${PIPESTATUS[@]}")
		local npm_exit="${pipe_status[0]}"
		build_data::set_duration "npm_rebuild_time" "${start}"

		local -A failure
		# shellcheck disable=SC2310 # the elif calls a function in a condition, so set -e is disabled inside
		if [[ "${npm_exit}" -eq 0 ]]; then
			package_managers::npm::_handle_install_pipefail "${pipe_status[*]}"
		elif failure::handle_git_auth_failure "${log_file}" failure; then
			# Shared git+ssh host-key failure classifier — checked before the npm-specific matcher.
			failure::emit failure
		elif package_managers::npm::_handle_npm_install_failure "${log_file}" failure; then
			failure::emit failure
		elif failure::handle_econnreset "${log_file}" failure; then
			# Shared network-reset classifier — checked last, as a fallback after the npm-specific
			# matcher.
			failure::emit failure
		elif failure::handle_libc6_incompatibility "${log_file}" failure; then
			# Shared glibc-incompatibility classifier — checked last, as a fallback after the
			# npm-specific matcher.
			failure::emit failure
		fi

		return "${npm_exit}"
	fi

	build_data::set_duration "npm_rebuild_time" "${start}"
}

function package_managers::npm::version_major() {
	npm --version | cut -d "." -f 1
}

# npm 12 removed the --unsafe-perm flag and rejects it with EUNKNOWNCONFIG. Returns 0 when the
# active npm still accepts the flag (major < 12), 1 otherwise. Callers gate --unsafe-perm on this.
function package_managers::npm::supports_unsafe_perm() {
	local major
	major="$(package_managers::npm::version_major)"
	[[ "${major}" -lt 12 ]]
}

# Prints "true" when the build should install via `npm ci` (lockfile-strict) instead of
# `npm install`. `npm ci` was introduced in the 5.x line in 5.7.0, but that sees very
# little usage (< 5% of builds), so this gates on npm >= 6.
function package_managers::npm::should_use_npm_ci() {
	local build_dir="${1:-}"
	local major has_lock
	major="$(package_managers::npm::version_major)"
	has_lock="$(package_managers::npm::_has_npm_lock "${build_dir}")"

	if [[ -f "${build_dir}/package.json" ]] && [[ "${has_lock}" == "true" ]] && ((major >= 6)); then
		echo "true"
	else
		echo "false"
	fi
}

function package_managers::npm::_has_npm_lock() {
	local build_dir="${1:-}"

	if [[ -f "${build_dir}/package-lock.json" ]] || [[ -f "${build_dir}/npm-shrinkwrap.json" ]]; then
		echo "true"
	else
		echo "false"
	fi
}

# Emits the npm-install pipefail failure. Shared by both `install_dependencies` and
# `rebuild_dependencies`: both run `npm install 2>&1 | tee log`, and a tee-side failure
# (typically the build ran out of disk space) classifies identically at either call site.
function package_managers::npm::_handle_install_pipefail() {
	local pipe_status_str="${1}"
	local message
	message=$(
		cat <<-EOF
			Error: Unable to capture the npm install log output.

			The dependency install ran, but writing its log to disk failed (for example,
			the build ran out of disk space). This is not a problem with your
			dependencies. Please try again.
		EOF
	)
	failure::handle_pipefail "npm-install-pipefail" "${pipe_status_str}" "${message}"
}

# Pure classifier for npm dependency-install failures.
#
# Input:
#   $1  path to a log file containing the captured output of the failed npm command
#   $2  name of an associative array to fill (see failure::emit for its fields)
# Returns 0 and fills the array when a known failure mode is recognised; returns 1 and leaves
# the array untouched otherwise. Has no side effects: it does not write build data, print to
# the build log, or exit. Detail is set to the npm error code plus the first descriptive
# error line, giving observability a precise discriminator within each failure bucket.
function package_managers::npm::_handle_npm_install_failure() {
	local log_file="${1}"
	# shellcheck disable=SC2178 # nameref alias to the caller's associative array, not a string
	local -n __failure="${2}"

	# npm EBADPLATFORM code — stable npm v3–v11 (lib/utils/error-message.js).
	if grep -qiE 'npm (ERR!|error) code EBADPLATFORM($| )' "${log_file}"; then
		__failure["id"]="npm-ebadplatform"
		__failure["classification"]="user"
		__failure["detail"]="EBADPLATFORM: $(package_managers::npm::_extract_error_detail "${log_file}")"
		__failure["message"]=$(
			cat <<-EOF
				Error: Unable to install dependencies using npm.

				One of your dependencies (or its native binary) does not support
				this stack's CPU architecture or operating system. Check the log
				output above for the offending package.
			EOF
		)
		return 0
	fi

	# npm EINVALIDPACKAGENAME code — stable npm v3–v11. The code is set in the npm-package-arg
	# dependency and printed via npm's generic `npm (ERR!|error) code <CODE>` summary line.
	if grep -qiE 'npm (ERR!|error) code EINVALIDPACKAGENAME($| )' "${log_file}"; then
		__failure["id"]="npm-package-name-typo"
		__failure["classification"]="user"
		__failure["detail"]="EINVALIDPACKAGENAME: $(package_managers::npm::_extract_error_detail "${log_file}")"
		__failure["message"]=$(
			cat <<-EOF
				Error: Unable to install dependencies using npm.

				A package name in your package.json is invalid. Check the log output
				above for the offending entry and correct the spelling.
			EOF
		)
		return 0
	fi

	# npm E404 code — stable npm v3–v11 (lib/utils/error-message.js).
	if grep -qiE 'npm (ERR!|error) code E404($| )' "${log_file}"; then

		# The flatmap-stream malware case is a more specific instance of a 404.
		if grep -qi "flatmap-stream" "${log_file}"; then
			__failure["id"]="flatmap-stream-404"
			__failure["classification"]="user"
			__failure["detail"]="E404: $(package_managers::npm::_extract_error_detail "${log_file}")"
			__failure["message"]=$(
				cat <<-EOF
					Error: The flatmap-stream module has been removed from the npm registry.

					On November 26th (2018), npm was notified of a malicious package that had made
					its way into event-stream, a popular npm package. npm responded by removing
					flatmap-stream and event-stream@3.3.6 from the registry.

					Docs: https://help.heroku.com/4OM7X18J
				EOF
			)
			return 0
		fi

		__failure["id"]="module-404"
		__failure["classification"]="user"
		__failure["detail"]="E404: $(package_managers::npm::_extract_error_detail "${log_file}")"
		__failure["message"]=$(
			cat <<-EOF
				Error: Unable to install dependencies using npm.

				A package could not be found in the npm registry (404). Check the log
				output above for the package name and verify it exists and is spelled
				correctly.
			EOF
		)
		return 0
	fi

	# npm ESTRICTALLOWSCRIPTS — new in npm 12. Install scripts are blocked unless covered by the
	# "allowScripts" policy in package.json. Code surfaces on the `npm error code <CODE>` line.
	if grep -qiE 'npm (ERR!|error) code ESTRICTALLOWSCRIPTS' "${log_file}"; then
		__failure["id"]="npm-strict-allow-scripts"
		__failure["classification"]="user"
		__failure["detail"]="ESTRICTALLOWSCRIPTS: $(package_managers::npm::_extract_error_detail "${log_file}")"
		__failure["message"]=$(
			cat <<-EOF
				Error: Unable to install dependencies using npm.

				npm blocked one or more dependency install scripts because they are not
				covered by the "allowScripts" policy in your package.json. Native modules
				that compile on install (e.g. via node-gyp) will not be built until you
				approve them.

				Run \`npm approve-scripts <package>\` locally to review and allow the trusted
				packages listed above, then commit the updated package.json and redeploy.

				Docs: https://docs.npmjs.com/cli/v11/commands/npm-approve-scripts
			EOF
		)
		return 0
	fi

	# npm EALLOWGIT — new in npm 12. Git dependencies (direct or transitive) are refused unless
	# allow-git is set. Error code is `EALLOW${TYPE}` from arborist build-ideal-tree.js.
	if grep -qiE 'npm (ERR!|error) code EALLOWGIT' "${log_file}"; then
		__failure["id"]="npm-allow-git-blocked"
		__failure["classification"]="user"
		__failure["detail"]="EALLOWGIT: $(package_managers::npm::_extract_error_detail "${log_file}")"
		__failure["message"]=$(
			cat <<-EOF
				Error: Unable to install dependencies using npm.

				npm refused to fetch a dependency that points to a git repository, because
				git dependencies are disabled by default in npm 12+. Check the log output
				above for the offending package.

				Either replace it with a published registry version, or set "allow-git" in
				your .npmrc to permit it.

				Docs: https://docs.npmjs.com/cli/v11/using-npm/config#allow-git
			EOF
		)
		return 0
	fi

	# npm EALLOWREMOTE — new in npm 12. Remote-URL/tarball dependencies (direct or transitive) are
	# refused unless allow-remote is set. Error code is `EALLOW${TYPE}` from arborist.
	if grep -qiE 'npm (ERR!|error) code EALLOWREMOTE' "${log_file}"; then
		__failure["id"]="npm-allow-remote-blocked"
		__failure["classification"]="user"
		__failure["detail"]="EALLOWREMOTE: $(package_managers::npm::_extract_error_detail "${log_file}")"
		__failure["message"]=$(
			cat <<-EOF
				Error: Unable to install dependencies using npm.

				npm refused to fetch a dependency that points to a remote URL (e.g. an
				https tarball), because remote dependencies are disabled by default in
				npm 12+. Check the log output above for the offending package.

				Either replace it with a published registry version, or set "allow-remote"
				in your .npmrc to permit it.

				Docs: https://docs.npmjs.com/cli/v11/using-npm/config#allow-remote
			EOF
		)
		return 0
	fi

	# npm ERESOLVE code — stable npm v7–v12. Introduced in npm 7.0.0 by arborist v2 (see
	# workspaces/arborist/lib/place-dep.js#failPeerConflict and
	# workspaces/arborist/lib/arborist/build-ideal-tree.js#failPeerConflict) and handled first-class
	# in lib/utils/error-message.js. Indicates the requested dependency tree contains conflicting
	# peer-dependency requirements. Shared by both npm install call sites
	# (`install_dependencies` and `rebuild_dependencies`).
	if grep -qiE 'npm (ERR!|error) code ERESOLVE($| )' "${log_file}"; then
		__failure["id"]="npm-peer-dependency-conflict"
		__failure["classification"]="user"
		__failure["detail"]="ERESOLVE: $(package_managers::npm::_extract_error_detail "${log_file}")"
		__failure["message"]=$(
			cat <<-EOF
				Error: Conflict detected in requested npm dependencies.

				An \`ERESOLVE\` error during installation of npm dependencies means your app
				contains two or more conflicting versions of the same dependency. This is
				typically caused by peer dependency requirements of requested dependencies.
				The error above should contain more detail about which dependencies are in
				conflict. Use tools like \`npm info <package-name>\` to get details about a
				package, including its peer dependencies.

				The best way to address this issue is to regularly update your dependency
				versions to prevent conflicts from happening.

				If that is not possible, a temporary solution is to set a config var with
				\`heroku config:set npm_config_legacy_peer_deps=true\`. This should be used
				with caution as ignoring peer dependency conflicts can lead to unexpected
				runtime errors.
			EOF
		)
		return 0
	fi

	# npm EUSAGE code — set broadly by npm's `usageError()` (lib/base-cmd.js, stable since v7.6.2),
	# so gate on the specific "Please update your lock file" message emitted only from
	# `npm ci` when `validateLockfile()` fails (lib/commands/ci.js, stable since v8.4.1). The
	# outer EUSAGE match with the discriminator line is what isolates the lockfile-out-of-sync
	# case from every other EUSAGE sub-case (arg-validation, audit/diff/sbom/etc.). Only
	# `install_dependencies` runs `npm ci`, but this classifier is shared with
	# `rebuild_dependencies` — the latter
	# only ever runs `npm install`, so it cannot emit this mode; the matcher simply won't fire
	# there.
	if grep -qiE 'npm (ERR!|error) code EUSAGE($| )' "${log_file}" \
		&& grep -qi 'Please update your lock file' "${log_file}"; then
		__failure["id"]="npm-lockfile-out-of-sync"
		__failure["classification"]="user"
		__failure["detail"]="EUSAGE: $(package_managers::npm::_extract_error_detail "${log_file}")"
		__failure["message"]=$(
			cat <<-EOF
				Error: npm lockfile is not in sync.

				This error occurs when the contents of \`package.json\` contains a different
				set of dependencies than the contents of \`package-lock.json\`. This can happen
				when a package is added, modified, or removed but the lockfile was not updated.

				To fix this, run \`npm install\` locally in your app directory to regenerate the
				lockfile, commit the changes to \`package-lock.json\`, and redeploy.
			EOF
		)
		return 0
	fi

	# npm ETARGET code — stable npm v3–v11. Thrown by npm-pick-manifest when no published version
	# satisfies the requested range; error-message.js (case 'ETARGET') surfaces the code on the
	# `npm error code ETARGET` summary line and renders the message under a `notarget` heading.
	# Matched on the code (like the npm code matchers above) rather than the `notarget` message
	# text — the code is the stable discriminator. E403 (policy-forbidden) is thrown from the same
	# npm-pick-manifest path with a distinct code, so this will not over-match it. The legacy
	# failure id (`bad-version-for-dependency`) is preserved verbatim so the `failure` build-data
	# key stays continuous for downstream metrics.
	if grep -qiE 'npm (ERR!|error) code ETARGET($| )' "${log_file}"; then
		__failure["id"]="bad-version-for-dependency"
		__failure["classification"]="user"
		__failure["detail"]="ETARGET: $(package_managers::npm::_extract_error_detail "${log_file}")"
		__failure["message"]=$(
			cat <<-EOF
				Error: Unable to install dependencies using npm.

				One of your dependencies requests a package version that does not exist
				in the npm registry. Check the log output above for the offending package
				and version range, and update it to a version that has been published.
			EOF
		)
		return 0
	fi

	# npm ELIFECYCLE code — a dependency's install/lifecycle script failed, frequently a
	# native-module compile via node-gyp. Gate on both the code and the "Failed at the <pkg>
	# install script" summary line (lib/utils/error-message.js) emitted for the failing package,
	# for the same code+message robustness as the EUSAGE lockfile matcher above. Kept below the
	# more specific `npm ... code EXXX` matchers above so they keep precedence. Covers install
	# and rebuild (both share this classifier) now that rebuild_dependencies wraps `npm rebuild`
	# output. No bcrypt exclusion: bcrypt install-script failures have no error code or user text
	# of their own beyond this generic signal, so they match here like any other native-addon
	# build failure.
	if grep -qiE 'npm (ERR!|error) code ELIFECYCLE($| )' "${log_file}" \
		&& grep -qiE 'Failed at the [^ ]+ install script' "${log_file}"; then
		__failure["id"]="dependency-failed-to-build"
		__failure["classification"]="user"
		__failure["detail"]="ELIFECYCLE: $(package_managers::npm::_extract_error_detail "${log_file}")"
		__failure["message"]=$(
			cat <<-EOF
				Error: Unable to install dependencies using npm.

				The install script for one of your dependencies failed. This most often
				happens when a package with a native component (compiled on install via
				node-gyp) fails to build. Check the log output above for the offending
				package and the underlying compile error.
			EOF
		)
		return 0
	fi

	# npm ENOENT code — stable npm v3–v12 (lib/utils/error-message.js). npm sets this when it
	# cannot find a file or path referenced during install — most often a local file: dependency
	# or a script path in package.json that does not exist in the deployed source. App-controlled,
	# so classified as a user error. The removed legacy fallback keyed off the `enoent
	# ENOENT: no such file or directory` summary line; here we key off the `code ENOENT` summary
	# line for consistency with the sibling code-based matchers above. Covers install and rebuild
	# (both share this classifier).
	if grep -qiE 'npm (ERR!|error) code ENOENT($| )' "${log_file}"; then
		__failure["id"]="npm-enoent"
		__failure["classification"]="user"
		__failure["detail"]="ENOENT: $(package_managers::npm::_extract_error_detail "${log_file}")"
		__failure["message"]=$(
			cat <<-EOF
				Error: Unable to install dependencies using npm.

				npm could not find a file or directory it expected while installing your
				dependencies. This usually means a local (\`file:\`) dependency or a path
				referenced in your package.json does not exist in the deployed source. Check
				the log output above for the missing path, and make sure it is committed and
				spelled correctly.
			EOF
		)
		return 0
	fi

	# npm git dependency error, code 128. A package.json git dependency (direct or transitive)
	# whose git operation failed: @npmcli/git raises GitUnknownError ("An unknown git error
	# occurred") and git's own fatal exit code (128) surfaces on npm's `npm error code 128`
	# summary line. Gate on both the code-128 line AND the unknown-git-error line so this stays
	# scoped to the git-dependency case (git code 128 is generic). Covers install and rebuild
	# (both share this classifier).
	#
	# Excluded: a missing-auth failure ("Host key verification failed") is also a GitUnknownError
	# with git exit 128, but that case is caught earlier at the call site by the generic
	# failure::handle_git_auth_failure classifier (checked before this classifier runs at all), so
	# the exclusion here is a defensive no-op rather than something this matcher relies on.
	if grep -qiE 'npm (ERR!|error) code 128($| )' "${log_file}" \
		&& grep -qi 'An unknown git error occurred' "${log_file}" \
		&& ! grep -qi 'Host key verification failed' "${log_file}"; then
		__failure["id"]="npm-install-git-dependency"
		__failure["classification"]="user"
		__failure["detail"]="128: $(package_managers::npm::_extract_error_detail "${log_file}")"
		__failure["message"]=$(
			cat <<-EOF
				npm Git dependency error (code 128)

				This error indicates an issue related to Git operations when attempting to install
				an npm package specified as a Git dependency in \`package.json\`.

				The error details above should contain more information about which package is causing the
				issue during dependency installation as well as the specific problem that Git encountered.
			EOF
		)
		return 0
	fi

	# TODO: classify additional npm codes present in error-message.js but not yet handled here,
	# e.g. ENOSPC (disk full).
	# Add each as its own matcher above, verified against npm source per the version-spread loop.

	# No known failure mode recognised — signal no match so the caller can fall through.
	return 1
}

# Returns the first descriptive npm error line for use as failure detail: the first
# `npm error`/`npm ERR!` line that carries a human message, skipping the bare `code <CODE>`
# line and the trailing "complete log" noise, with the prefix and indentation stripped.
# Internal helper to package_managers::npm::_handle_npm_install_failure; not meant to be called directly.
function package_managers::npm::_extract_error_detail() {
	local log_file="${1}"
	grep -iE 'npm (ERR!|error) ' "${log_file}" \
		| grep -ivE 'npm (ERR!|error) code ' \
		| grep -ivE 'A complete log of this run|npm-debug.log' \
		| head -n 1 \
		| sed -E 's/^npm (ERR!|error) //I' \
		| sed -E 's/^[[:space:]]+//' \
		|| true
}

function package_managers::npm::install_binary() {
	local npm_version
	local version="$1"
	local dir="$2"
	local npm_lock="$3"
	# Verify npm works before capturing and ensure its stderr is inspectable later
	utils::command::suppress_output npm --version
	npm_version="$(npm --version)"

	# If the user has not specified a version of npm, but has an npm lockfile
	# upgrade them to npm 5.x if a suitable version was not installed with Node
	local npm_version_major
	npm_version_major="$(package_managers::npm::version_major)"
	if ${npm_lock} && [[ "${version}" == "" ]] && [[ "${npm_version_major}" -lt "5" ]]; then
		output::info "Detected package-lock.json: defaulting npm to version 5.x.x"
		version="5.x.x"
	fi

	if [[ "${version}" == "" ]]; then
		output::info "Using default npm version: ${npm_version}"
	elif [[ "${npm_version}" == "${version}" ]]; then
		output::info "npm ${npm_version} already installed with node"
	else
		output::info "Bootstrapping npm ${version} (replacing ${npm_version})..."
		local install_npm_start
		install_npm_start=$(build_data::current_unix_realtime)
		package_managers::npm::_install_binary "${version}"
		build_data::set_duration "install_npm_binary_time" "${install_npm_start}"
		# Verify npm works before capturing and ensure its stderr is inspectable later
		utils::command::suppress_output npm --version
		local installed_npm_version
		installed_npm_version="$(npm --version)"
		output::info "npm ${installed_npm_version} installed"
	fi
}

function package_managers::npm::_install_binary() {
	local version="$1"

	# The global installs below run with the currently-active (pre-bootstrap) npm, so gate
	# --unsafe-perm on its version: npm 12 removed the flag and rejects it with EUNKNOWNCONFIG.
	local unsafe_perm=()
	# shellcheck disable=SC2310 # invoked in a condition so set -e is disabled inside; a non-match just omits the flag
	if package_managers::npm::supports_unsafe_perm; then
		unsafe_perm=(--unsafe-perm)
	fi

	# XXX: Workaround for https://github.com/heroku/heroku-buildpack-nodejs/issues/1590
	# Node 22.22.2 fails to install npm >= 11.11.0 with a MODULE_NOT_FOUND error for `promise-retry`.
	# Installing an intermediate npm version (~11.10.0) first avoids the issue.
	local node_version
	node_version="$(node --version)"
	if [[ "${node_version}" == "v22.22.2" ]]; then
		local resolved_version
		resolved_version=$(npm info "npm@${version}" version --json 2>/dev/null | jq -r 'if type == "array" then .[-1] else . end' 2>/dev/null) || true
		local major minor
		major=$(echo "${resolved_version}" | cut -d. -f1)
		minor=$(echo "${resolved_version}" | cut -d. -f2)
		if [[ -z "${resolved_version}" ]] || [[ "${resolved_version}" == "null" ]] || [[ -z "${major}" ]] || [[ -z "${minor}" ]]; then
			build_data::set_string "failure" "npm-resolve-failed"
			output::error <<-EOF
				Failed to resolve npm version from range '${version}'.
				Unable to perform Node.js 22.22.2 regression workaround (https://github.com/npm/cli/issues/9151).
			EOF
			false
			return
		fi
		if [[ "${major}" == "11" ]] && [[ "${minor}" -ge 11 ]]; then
			output::info "Installing npm@~11.10.0 to workaround Node.js 22.22.2 regression (https://github.com/npm/cli/issues/9151)"
			if ! utils::command::suppress_output npm install "${unsafe_perm[@]}" --quiet --no-audit --no-progress -g "npm@~11.10.0"; then
				build_data::set_string "failure" "npm-node-22.22.2-workaround-failed"
				output::error <<-EOF
					Unable to install intermediate npm ~11.10.0 for Node.js 22.22.2 workaround.
					Consider pinning npm to an exact version that works with Node.js 22.22.2.
				EOF
				false
				return
			fi
		fi
	fi

	if ! utils::command::suppress_output npm install "${unsafe_perm[@]}" --quiet --no-audit --no-progress -g "npm@${version}"; then
		build_data::set_string "failure" "npm-install-failed"
		output::error <<-EOF
			Unable to install npm ${version}.
			Does npm ${version} exist?
			Is npm ${version} compatible with this Node.js version?
		EOF
		false
	fi
}

function package_managers::npm::prune_devdependencies() {
	local npm_version
	local build_dir=${1:-}

	npm_version=$(npm --version)

	# NODE_ENV and NPM_CONFIG_PRODUCTION are globals exported by the caller (bin/compile via
	# lib/environment.sh).
	# shellcheck disable=SC2154 # set by the caller (bin/compile)
	if [[ "${NODE_ENV}" == "test" ]]; then
		output::info "Skipping because NODE_ENV is 'test'"
		build_data::set_raw "skipped_prune" "true"
		return 0
	elif [[ "${NODE_ENV}" != "production" ]]; then
		output::info "Skipping because NODE_ENV is not 'production'"
		build_data::set_raw "skipped_prune" "true"
		return 0
	elif [[ -n "${NPM_CONFIG_PRODUCTION}" ]]; then
		output::info "Skipping because NPM_CONFIG_PRODUCTION is '${NPM_CONFIG_PRODUCTION}'"
		build_data::set_raw "skipped_prune" "true"
		return 0
	elif [[ "${npm_version}" == "5.3.0" ]]; then
		output::info "Skipping because npm 5.3.0 fails when running 'npm prune' due to a known issue"
		output::info "https://github.com/npm/npm/issues/17781"
		output::info ""
		output::info "You can silence this warning by updating to at least npm 5.7.1 in your package.json"
		output::info "https://devcenter.heroku.com/articles/nodejs-support#specifying-an-npm-version"
		build_data::set_raw "skipped_prune" "true"
		return 0
	elif [[ "${npm_version}" == "5.6.0" ]] \
		|| [[ "${npm_version}" == "5.5.1" ]] \
		|| [[ "${npm_version}" == "5.5.0" ]] \
		|| [[ "${npm_version}" == "5.4.2" ]] \
		|| [[ "${npm_version}" == "5.4.1" ]] \
		|| [[ "${npm_version}" == "5.2.0" ]] \
		|| [[ "${npm_version}" == "5.1.0" ]]; then
		output::info "Skipping because npm ${npm_version} sometimes fails when running 'npm prune' due to a known issue"
		output::info "https://github.com/npm/npm/issues/19356"
		output::info ""
		output::info "You can silence this warning by updating to at least npm 5.7.1 in your package.json"
		output::info "https://devcenter.heroku.com/articles/nodejs-support#specifying-an-npm-version"
		build_data::set_raw "skipped_prune" "true"
		return 0
	else
		cd "${build_dir}" || return

		local log_file
		log_file=$(mktemp)

		local start
		start=$(build_data::current_unix_realtime)

		# Run inside `if !` so errexit is suppressed and we can inspect the failure ourselves.
		# shellcheck disable=SC2310 # invoked in a condition so set -e is disabled inside
		if ! { npm prune --userconfig "${build_dir}/.npmrc" 2>&1 | tee "${log_file}" | output::indent; }; then
			# Capture the full pipe status first (before any other command clobbers PIPESTATUS).
			# The pipeline is `npm 2>&1 | tee | output::indent`, so [0] is npm's exit code (tee is [1], output::indent [2]).
			local pipe_status=("${PIPESTATUS[@]}")
			local npm_exit="${pipe_status[0]}"
			build_data::set_duration "prune_dev_dependencies_time" "${start}"

			if [[ "${npm_exit}" -eq 0 ]]; then
				# npm succeeded but the pipeline failed (tee couldn't write the log — e.g. out of
				# disk). Buildpack-side, so don't blame the app.
				package_managers::npm::_handle_prune_pipefail "${pipe_status[*]}"
			fi

			# No known failure mode recognised. Bubble up by returning npm's exit code: the bare
			# `prune_devdependencies` call in bin/compile then fails under errexit and the generic
			# failure::handle_uncaught ERR trap records it as failure=internal-error — there is no
			# migrated npm-prune tool-error classifier to add here yet.
			return "${npm_exit}"
		fi

		build_data::set_duration "prune_dev_dependencies_time" "${start}"
		build_data::set_raw "skipped_prune" "false"
	fi
}

# Emits the npm-prune pipefail failure. `prune_devdependencies` runs
# `npm prune 2>&1 | tee log`, and a tee-side failure (typically the build ran out of disk
# space) classifies as buildpack-side rather than blaming the app's dependencies.
function package_managers::npm::_handle_prune_pipefail() {
	local pipe_status_str="${1}"
	local message
	message=$(
		cat <<-EOF
			Error: Unable to capture the npm prune log output.

			The dependency prune ran, but writing its log to disk failed (for example,
			the build ran out of disk space). This is not a problem with your
			dependencies. Please try again.
		EOF
	)
	failure::handle_pipefail "npm-prune-pipefail" "${pipe_status_str}" "${message}"
}

# Runs a named lifecycle script with npm. Spells the npm-specific command (`npm run <script>
# --if-present`, forwarding NODE_BUILD_FLAGS after a `--` separator) and hands execution to the
# shared coordinator runner, which captures output and routes failures. `build_flags` is the
# optional NODE_BUILD_FLAGS string (empty for prebuild/postbuild/cleanup scripts).
function package_managers::npm::run_script() {
	local script_name=${1}
	local build_flags=${2:-}

	output::info "Running ${script_name}"

	local command=(npm run "${script_name}" --if-present)
	if [[ -n "${build_flags}" ]]; then
		output::info "Running with ${build_flags} flags"
		command+=(-- "${build_flags}")
	fi

	package_manager::run_script_command "${command[@]}"
}

# Lists installed top-level dependencies for the verbose build summary. Wrapped in `|| true` and
# `2>/dev/null` so a listing failure never aborts the summary.
function package_managers::npm::list_dependencies() {
	local build_dir=${1:-}

	cd "${build_dir}" || return
	(npm ls --depth=0 || true) 2>/dev/null
}

# Restore the sourcing shell's original options (see preamble). errexit/nounset come from the
# saved `$-`; pipefail from its own saved `set +o` line.
case "${__npm_saved_flags}" in *e*) set -e ;; *) set +e ;; esac
case "${__npm_saved_flags}" in *u*) set -u ;; *) set +u ;; esac
eval "${__npm_saved_pipefail}"
unset __npm_saved_flags __npm_saved_pipefail
