# JupyterHub config for docker/test.sh: proves the classroom image works as a JupyterHub single-user image.
# The hub runs in its own container; its spawner cannot start containers itself, so it hands the spawn
# over to the test: it writes the server's environment and command to /handoff/USER.json, and the test
# runs the classroom image with exactly that (what DockerSpawner or KubeSpawner would do), on loopback.
import json
import os

from jupyterhub.spawner import Spawner

c = get_config()  # noqa: F821

HANDOFF = "/handoff"
c.JupyterHub.bind_url = "http://127.0.0.1:%s" % os.environ["HUB_PROXY_PORT"]
c.JupyterHub.hub_bind_url = "http://127.0.0.1:%s" % os.environ["HUB_API_PORT"]
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:%s" % os.environ["HUB_PROXY_API_PORT"]
c.JupyterHub.db_url = "sqlite:///:memory:"
c.JupyterHub.cookie_secret_file = "/tmp/jupyterhub_cookie_secret"
c.JupyterHub.authenticator_class = "dummy"
# The test drives the hub's REST API with this service token; the admin role includes access:servers,
# so the same token reaches the student's server through the proxy.
c.JupyterHub.services = [{"name": "netlab-test", "api_token": os.environ["HUB_TEST_TOKEN"]}]
c.JupyterHub.load_roles = [{"name": "admin", "services": ["netlab-test"]}]


class HandoffSpawner(Spawner):
    """Writes what a container spawner would pass to the container, and waits for the test to run it."""

    def _file(self):
        return os.path.join(HANDOFF, self.user.name + ".json")

    async def start(self):
        self.ip = "127.0.0.1"
        self.port = int(os.environ["HUB_SINGLEUSER_PORT"])
        spec = {"env": self.get_env(), "cmd": self.cmd + self.get_args()}
        tmp = self._file() + ".tmp"
        with open(tmp, "w") as f:
            json.dump(spec, f)
        os.rename(tmp, self._file())
        return (self.ip, self.port)

    async def poll(self):
        return None if os.path.exists(self._file()) else 0

    async def stop(self, now=False):
        try:
            os.remove(self._file())
        except FileNotFoundError:
            pass


c.JupyterHub.spawner_class = HandoffSpawner
c.Spawner.cmd = ["jupyterhub-singleuser"]
c.Spawner.default_url = "/lab"
c.Spawner.env_keep = []  # the image's own PATH, LANG and HOME, not the hub's
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
