# pip install tccli; credentials from `tccli configure` or
# TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY (temporary ones: TENCENTCLOUD_TOKEN too).
tccli hai RunInstances --version 2023-08-12 --region ap-guangzhou --cli-unfold-argument \
  --ApplicationId app-jknfna \
  --BundleType S \
  --SystemDisk.DiskType CLOUD_PREMIUM \
  --SystemDisk.DiskSize 250 \
  --InstanceName hai
