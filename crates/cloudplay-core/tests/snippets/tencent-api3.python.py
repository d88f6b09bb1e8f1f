# pip install tencentcloud-sdk-python-common
import json
import os

from tencentcloud.common import credential
from tencentcloud.common.common_client import CommonClient
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile

cred = credential.Credential(
    os.environ["TENCENTCLOUD_SECRET_ID"],
    os.environ["TENCENTCLOUD_SECRET_KEY"],
    os.environ.get("TENCENTCLOUD_SESSION_TOKEN"),  # temporary credentials only
)
http_profile = HttpProfile()
http_profile.endpoint = "hai.tencentcloudapi.com"
client_profile = ClientProfile()
client_profile.httpProfile = http_profile
client = CommonClient("hai", "2023-08-12", cred, "ap-guangzhou", profile=client_profile)

params = {
  "ApplicationId": "app-jknfna",
  "BundleType": "S",
  "SystemDisk": {
    "DiskType": "CLOUD_PREMIUM",
    "DiskSize": 250,
  },
  "InstanceName": "hai",
}
response = client.call_json("RunInstances", params)
print(json.dumps(response, indent=2, ensure_ascii=False))
