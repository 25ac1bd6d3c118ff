/**
 * The public key the testing build carries in its manifest so its Chrome ID is stable
 * (iingojnakfmmnfpddlgglliidfhkcnaa) for tests and the demo. Public only: no private key for it
 * exists anywhere in this project, and store or self-hosted packages never carry it.
 */
export const DEV_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAneMR3fAxavFs4mvWWCPYOaz3c+cXeJ+BE7qsWgVcLEP/UzO78c1cOz4mSLhdHG5wMisreAG9nGxd8btVgi1svcrK1eDenDPkh22VOKpUUDrzw67d6Xi63vLR5hFwIKYTf4TigWbxyhBCseCKtoww55oETkwRZMirE/0u9/sYzg8nBcFGkCM9AiqVbkQQI56ln7+1HUoskzQKizv0I/Aly8Pdd8IjQhNsj30yGiYUdBhE8MCxKP73Y5WZkOdxrwo8w4ENBUIf2MTsOBkKYp9N9HoNlNLDF2RpVbUxFswrsfJtthl6A6lYt3t3zwmqV/tZbxbnvzjB9MvMcC+c8VMxpQIDAQAB';
