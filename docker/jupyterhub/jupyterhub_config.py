# JupyterHub on one machine, one netlab container per student (DockerSpawner).
#
# The hub runs in its own container with Docker's socket; netlab's image is only the single-user image.
# JupyterHub's major version on the hub must match the image's jupyterhub-singleuser (Debian 13: 5.2).
# Hub image, for example (the hub is the teacher's infrastructure, so PyPI is fine there):
#   FROM quay.io/jupyterhub/jupyterhub:5.2
#   RUN pip install dockerspawner jupyterhub-idle-culler jupyterhub-nativeauthenticator
# Run (the network lets the hub and the students' containers reach each other by name):
#   docker network create netlab-hub
#   docker run -d --name netlab-hub --network netlab-hub -p 8000:8000 \
#     -v /var/run/docker.sock:/var/run/docker.sock -v netlab-hub-data:/srv/jupyterhub \
#     -v $PWD/docker/jupyterhub/jupyterhub_config.py:/srv/jupyterhub/jupyterhub_config.py:ro \
#     -e NETLAB_IMAGE=netlab-classroom:latest  netlab-hub-image
import os
import sys

c = get_config()  # noqa: F821 (JupyterHub defines it when it reads this file)

# --- the single-user image: DockerSpawner's image setting -------------------------------------------------
c.JupyterHub.spawner_class = "dockerspawner.DockerSpawner"
c.DockerSpawner.image = os.environ.get("NETLAB_IMAGE", "netlab-classroom:latest")
# Only the CMD is replaced: the image's ENTRYPOINT (tini + netlab-start) still runs and copies the chapters
# into ~/course. The hub handles authentication, so NETLAB_TOKEN is not used here.
c.DockerSpawner.cmd = ["jupyterhub-singleuser"]
c.Spawner.default_url = "/lab"
c.DockerSpawner.notebook_dir = "/home/student"
# One volume per student for their home; it outlives the container (remove=True deletes containers only).
c.DockerSpawner.volumes = {"netlab-{username}": "/home/student"}
c.DockerSpawner.remove = True
c.DockerSpawner.network_name = os.environ.get("NETLAB_HUB_NETWORK", "netlab-hub")
c.DockerSpawner.use_internal_ip = True
c.JupyterHub.hub_ip = "0.0.0.0"
c.JupyterHub.hub_connect_ip = os.environ.get("NETLAB_HUB_HOST", "netlab-hub")

# --- per-student limits -------------------------------------------------------------------------------------
# The kernel JVM takes <= 256 MB heap, each notebook's agent JVM 512 MB by default: 2 GB fits a student
# with two notebooks open plus JupyterLab.
c.DockerSpawner.mem_limit = os.environ.get("NETLAB_MEM_LIMIT", "2G")
c.DockerSpawner.cpu_limit = float(os.environ.get("NETLAB_CPU_LIMIT", "1.0"))
c.DockerSpawner.extra_host_config = {"pids_limit": 512}
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 60

# --- who may log in: replace with the school's authenticator (LDAP, OAuth, ...) -------------------------
c.JupyterHub.authenticator_class = "nativeauthenticator.NativeAuthenticator"
c.Authenticator.admin_users = {os.environ.get("NETLAB_TEACHER", "teacher")}
c.Authenticator.allow_all = True  # NativeAuthenticator: students sign up, the teacher approves them

# --- idle culling: stop servers nobody used for an hour (their volumes stay) --------------------------------
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=3600", "--cull-every=300"],
}]
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]
