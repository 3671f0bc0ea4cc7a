#!/opt/synapse/bin/python
"""Entry point of the local Synapse image, compatible with the official image's modes.

  (no argument) or "run" [ARGS...]  run the homeserver with $SYNAPSE_CONFIG_PATH
                                    (default /data/homeserver.yaml) unless ARGS name a config
  "generate"                        write a config and signing key for $SYNAPSE_SERVER_NAME

As in the official image, a container started as root runs Synapse as uid:gid 991:991, or as
$UID:$GID when UID is set. Synapse replaces this process (exec), so it receives `docker stop`'s
SIGTERM directly.
"""

import os
import subprocess
import sys


def fail(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
    sys.exit(2)


def ownership() -> str | None:
    if "UID" in os.environ:
        return f"{int(os.environ['UID'])}:{int(os.environ.get('GID', '991'))}"
    if os.getuid() == 0:
        return "991:991"
    return None


def exec_synapse(args: list[str], owner: str | None) -> None:
    command = [sys.executable, *args]
    if owner is not None:
        command = ["/usr/sbin/gosu", owner, *command]
    print("Starting " + " ".join(command), flush=True)
    os.execv(command[0], command)


def generate(owner: str | None) -> None:
    for name in ("SYNAPSE_SERVER_NAME", "SYNAPSE_REPORT_STATS"):
        if name not in os.environ:
            fail(f"Environment variable {name} is required in generate mode.")
    config_dir = os.environ.get("SYNAPSE_CONFIG_DIR", "/data")
    data_dir = os.environ.get("SYNAPSE_DATA_DIR", "/data")
    config_path = os.environ.get("SYNAPSE_CONFIG_PATH", config_dir + "/homeserver.yaml")
    if owner is not None:
        subprocess.run(["chown", owner, data_dir], check=True)
    exec_synapse(
        [
            "-m",
            "synapse.app.homeserver",
            "--server-name",
            os.environ["SYNAPSE_SERVER_NAME"],
            "--report-stats",
            os.environ["SYNAPSE_REPORT_STATS"],
            "--config-path",
            config_path,
            "--config-directory",
            config_dir,
            "--data-directory",
            data_dir,
            "--generate-config",
            "--open-private-ports",
        ],
        owner,
    )


def run(args: list[str], owner: str | None) -> None:
    if "-m" not in args:
        args = ["-m", os.environ.get("SYNAPSE_WORKER", "synapse.app.homeserver"), *args]
    if not any(arg.startswith(("--config-path", "-c")) for arg in args):
        config_dir = os.environ.get("SYNAPSE_CONFIG_DIR", "/data")
        config_path = os.environ.get("SYNAPSE_CONFIG_PATH", config_dir + "/homeserver.yaml")
        if not os.path.exists(config_path):
            fail(
                f"Config file {config_path} not found. Copy a homeserver.yaml there, set SYNAPSE_CONFIG_PATH, "
                "or create one by running the image with the argument 'generate'."
            )
        args = [*args, "--config-path", config_path]
    exec_synapse(args, owner)


def main() -> None:
    mode = sys.argv[1] if len(sys.argv) > 1 else "run"
    if mode == "generate":
        generate(ownership())
    elif mode == "run":
        run(sys.argv[2:], ownership())
    else:
        fail(f"Unknown mode '{mode}': use 'run' (the default) or 'generate'.")


if __name__ == "__main__":
    main()
