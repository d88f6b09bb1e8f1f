// npm install tencentcloud-sdk-nodejs-common
const { CommonClient } = require("tencentcloud-sdk-nodejs-common");

const client = new CommonClient("hai.tencentcloudapi.com", "2023-08-12", {
  credential: {
    secretId: process.env.TENCENTCLOUD_SECRET_ID,
    secretKey: process.env.TENCENTCLOUD_SECRET_KEY,
    token: process.env.TENCENTCLOUD_SESSION_TOKEN, // temporary credentials only
  },
  region: "ap-guangzhou",
});

const params = {
  "ApplicationId": "app-jknfna",
  "BundleType": "S",
  "SystemDisk": {
    "DiskType": "CLOUD_PREMIUM",
    "DiskSize": 250,
  },
  "InstanceName": "hai",
};

client.request("RunInstances", params).then(
  (data) => console.log(data),
  (err) => console.error(err),
);
